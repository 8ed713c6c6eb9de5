import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from './menu';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const SAFE_ROLES = ['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'];

describe('menuTemplate', () => {
  it('uses only safe built-in roles: no links, no custom actions, no help or about', () => {
    for (const item of items(menuTemplate(false))) {
      expect(item.click, item.label).toBeUndefined();
      if (item.role) expect(SAFE_ROLES, item.role).toContain(item.role);
      else expect(item.type === 'separator' || Array.isArray(item.submenu), item.label).toBe(true);
    }
  });

  it('offers reload and DevTools only in development', () => {
    const roles = (devTools: boolean) => items(menuTemplate(devTools)).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });
});
