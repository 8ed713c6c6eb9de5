import { describe, expect, it } from 'vitest';
import { chosenFolder, folderDialogOptions, parseFolderRequest } from './folder-dialog';

describe('the folder dialog', () => {
  it('accepts a title and an optional place to open at, nothing else', () => {
    expect(parseFolderRequest({ title: '选择备份文件夹' })).toEqual({ title: '选择备份文件夹' });
    expect(parseFolderRequest({ title: 't', defaultPath: '/media' })).toEqual({ title: 't', defaultPath: '/media' });
    expect(parseFolderRequest({ title: 't', defaultPath: '' })).toEqual({ title: 't' });
    for (const raw of [null, 'x', {}, { title: '' }, { title: 'x'.repeat(201) }, { title: 't', defaultPath: 3 }]) expect(parseFolderRequest(raw)).toBeNull();
  });

  it('opens folders only, and the user may make a new one', () => {
    expect(folderDialogOptions({ title: 't' })).toEqual({ title: 't', properties: ['openDirectory', 'createDirectory'] });
  });

  it('answers the chosen folder, or null when the dialog was closed', () => {
    expect(chosenFolder({ canceled: false, filePaths: ['/media/u'] })).toBe('/media/u');
    expect(chosenFolder({ canceled: true, filePaths: [] })).toBeNull();
    expect(chosenFolder({ canceled: false, filePaths: [] })).toBeNull();
  });
});
