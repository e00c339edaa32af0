/**
 * Ant Design's styles made at build time (issue #14): Ant Design v6 writes each component's CSS in the
 * browser the first time the component renders (CSS-in-JS), about a third of a page's render on an old
 * laptop. The build renders the components the app uses once, in Node, with the app's theme
 * (web/src/theme.ts), and writes what they registered into one CSS file (web/vite.config.ts, `antdStyles`).
 *
 * The file ends with the rule `.data-ant-cssinjs-cache-path{content:"…"}` listing every style it holds
 * (Ant Design's own mechanism for styles extracted to a file, @ant-design/cssinjs `extractStyle`): in the
 * browser, a component whose style is listed there skips making it; one that is not (a component left out
 * of COMPONENTS below, or one of them used under another class prefix) still makes its own, as before.
 * The theme's CSS variables (tokens) are still set in the browser: they are few, and people who ask for
 * less motion get other durations.
 */
import { createRequire } from 'node:module';
import type * as Antd from 'antd';
import type { ComponentType } from 'react';
import { appTheme } from './src/theme';

// CommonJS copies throughout, so that antd, the renderer and the style cache are the same instances.
const require = createRequire(import.meta.url);

/** A component rendered without the props its type asks for (only its styles matter here). */
type Component = ComponentType<{ type?: string }>;

/**
 * What to render: every antd component the app imports (web/src), with the parts of them that bring
 * styles of their own (the message and notification panels of `App`, Modal's confirm panel, a table
 * with a page bar, sorting and filters, …). Rendering is server-side: popups stay closed, but each
 * component registers its popup's style when it renders.
 */
const samples = (antd: typeof Antd, h: typeof import('react').createElement) => {
  const plain = [
    'Typography',
    'Flex',
    'Button',
    'App',
    'Alert',
    'Card',
    'Table',
    'Select',
    'AutoComplete',
    'Empty',
    'Popconfirm',
    'Tooltip',
    'Popover',
    'Upload',
    'Descriptions',
    'Checkbox',
    'Radio',
    'Result',
    'List',
    'InputNumber',
    'DatePicker',
    'Breadcrumb',
    'Spin',
    'Drawer',
    'Tabs',
    'Segmented',
    'Row',
    'Col',
    'Progress',
    'Collapse',
    'Badge',
    'Skeleton',
    'Pagination',
    'Divider',
    'Switch',
  ] as const;
  const { _InternalPanelDoNotUseOrYouWillBeFired: MessagePanel } = antd.message as unknown as {
    _InternalPanelDoNotUseOrYouWillBeFired: Component;
  };
  const { _InternalPanelDoNotUseOrYouWillBeFired: NotificationPanel } = antd.notification as unknown as {
    _InternalPanelDoNotUseOrYouWillBeFired: Component;
  };
  const ModalPanel = antd.Modal._InternalPanelDoNotUseOrYouWillBeFired as Component;
  return [
    ...plain.map((name) => h(antd[name] as Component, { key: name })),
    h(antd.Typography.Title, { key: 'title' }, 'a'),
    h(antd.Typography.Paragraph, { key: 'paragraph' }, 'a'),
    h(antd.Typography.Text, { key: 'text' }, 'a'),
    h(antd.Typography.Link, { key: 'link' }, 'a'),
    h(antd.Tag, { key: 'tag' }, 'a'),
    h(antd.Tag, { key: 'tag-blue', color: 'blue' }, 'a'),
    h(antd.Tag, { key: 'tag-success', color: 'success' }, 'a'),
    h(antd.Input, { key: 'input' }),
    h(antd.Input.TextArea, { key: 'textarea' }),
    h(antd.Input.Password, { key: 'password' }),
    h(antd.Input.Search, { key: 'search' }),
    h(antd.DatePicker.RangePicker, { key: 'range' }),
    h(antd.Upload.Dragger, { key: 'dragger' }),
    h(antd.Space, { key: 'space' }),
    h(antd.Space.Compact, { key: 'compact' }, h(antd.Button, null, 'a'), h(antd.Input, null)),
    h(
      antd.Form,
      { key: 'form' },
      h(antd.Form.Item, { label: 'a', help: 'a', validateStatus: 'error' }, h(antd.Input, null)),
    ),
    h(
      antd.Layout,
      { key: 'layout' },
      h(antd.Layout.Header, null),
      h(antd.Layout.Sider, null),
      h(antd.Layout.Content, null),
      h(antd.Layout.Footer, null),
    ),
    h(antd.Menu, { key: 'menu', items: [{ key: 'a', label: 'a' }] }),
    h(antd.Dropdown, { key: 'dropdown', menu: { items: [] } }, h('span', null)),
    h(antd.Table, {
      key: 'table-rows',
      rowKey: 'a',
      columns: [{ dataIndex: 'a', title: 'a', sorter: true, filters: [{ text: 'a', value: 'a' }] }],
      dataSource: [{ a: 'a' }],
      pagination: { pageSize: 1, total: 2 },
      rowSelection: {},
      expandable: { expandedRowRender: () => 'a' },
    }),
    h(ModalPanel, { key: 'modal' }),
    h(ModalPanel, { key: 'confirm', type: 'confirm' }),
    h(MessagePanel, { key: 'message' }),
    h(NotificationPanel, { key: 'notification' }),
  ];
};

/** The CSS of Ant Design's components in the app's theme, with the list of what it holds. */
export const antdStyleFile = (): string => {
  const React = require('react') as typeof import('react');
  const { renderToString } = require('react-dom/server') as typeof import('react-dom/server');
  const antd = require('antd') as typeof Antd;
  const cssinjs = require('@ant-design/cssinjs') as typeof import('@ant-design/cssinjs');
  const h = React.createElement;
  const cache = cssinjs.createCache();
  renderToString(
    h(
      cssinjs.StyleProvider,
      { cache },
      h(antd.ConfigProvider, { theme: appTheme(false), componentSize: 'middle' }, samples(antd, h)),
    ),
  );
  const css = cssinjs.extractStyle(cache, { plain: true, types: ['style'] });
  // The class names of a development build (`css-dev-only-do-not-override-…`) are not the browser's.
  if (!/:where\(\.css-[a-z0-9]+\)/.test(css) || css.includes('css-dev-only'))
    throw new Error('antdStyleFile: not a production render (NODE_ENV must be production)');
  return css;
};
