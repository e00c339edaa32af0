import { Drawer, type DrawerProps } from 'antd';

/**
 * The side panel that holds a create or edit form. Its content is thrown away when it closes, so the
 * form opens fresh each time; 640 px wide unless the form needs more.
 */
export const FormDrawer = ({ size = 640, ...props }: DrawerProps) => (
  <Drawer size={size} destroyOnHidden {...props} />
);
