/**
 * Ant Design's theme of the app, in one place for the browser (AppProviders) and for the build, which
 * renders Ant Design's styles with it into a CSS file (web/antdStyleFile.ts): the two must be the same,
 * or the file's styles would not be the ones the browser would have made.
 */
import type { ThemeConfig } from 'antd';

/**
 * @param reducedMotion people who ask their system for less motion (WCAG 2.3.3) get panels and dialogs
 *   without animation (only the motion tokens change: CSS variables the browser still sets itself)
 */
export const appTheme = (reducedMotion: boolean): ThemeConfig => ({
  token: {
    borderRadius: 4,
    motion: !reducedMotion,
    fontSize: 14,
    // WCAG 2.1 AA: Ant Design's grey texts (45 % black, 3.3:1) are darkened to ≥ 4.5:1 on white and #f5f5f5.
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    // The brand and error colours one shade darker than Ant Design's, so that white text on a primary
    // or danger button and blue links reach 4.5:1; the texts of the other statuses (Typography's
    // warning and success) darker still, while alerts keep their pale backgrounds.
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorError: '#cf1322',
    colorErrorText: '#cf1322',
    colorWarningText: '#874d00',
    colorSuccessText: '#135200',
  },
});
