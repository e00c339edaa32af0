/**
 * The pieces of ECharts the app draws, registered once. Imported only through EChart's dynamic import, so
 * ECharts (its own chunk, web/vite.config.ts) is fetched when a chart is first shown, never with a page.
 */
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([
  BarChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

export { init };
