import { describe, expect, it } from 'vitest';
import { isFurnitureBlock } from '../../src/article/blocks.js';
import { hasBoilerplateClass } from '../../src/article/prune.js';

const block = (text: string, linkChars = 0) => ({ text, heading: false, linkChars });

describe('furniture lines', () => {
  it.each([
    'Advertisement',
    'Iklan',
    'Share this article',
    'Topics: Incubators, Accelerators, Technoparks',
    'Scroll to Top',
    'Close',
    '1 of 6',
    'Copyright @ 2019 The New Arab.',
    '© 2017 East-West Digital News',
    'Reporting by Jane Doe; Editing by Tom Roe',
    'Updated 11:21 pm CST, Tuesday, November 19, 2019',
    'Updated at 1:23 p.m.',
    'By Adrien Henni',
    'June 21, 2017',
    'This slideshow requires JavaScript.',
  ])('drops %j', (text) => {
    expect(isFurnitureBlock(block(text), null)).toBe(true);
  });

  it.each([
    'Copyright law was changed in 2019, the minister said.',
    'Closed factories reopened in June.',
    'By the end of the year, Kalibr plans to open two more sites.',
    'Rodos said the source of funding was the state.',
    '“The Russian authorities are planning to invest in 500 technoparks for children,” Rodos said.',
  ])('keeps %j', (text) => {
    expect(isFurnitureBlock(block(text), null)).toBe(false);
  });

  it('drops a line that is mostly link text, and the title repeated', () => {
    expect(isFurnitureBlock(block('Skolkovo and Azad University plan an R&D center', 45), null)).toBe(true);
    expect(isFurnitureBlock(block('Kalibr goes to Iran'), 'Kalibr goes to Iran')).toBe(true);
  });
});

describe('boilerplate classes', () => {
  const el = (cls: string, name = 'div') =>
    ({ name, attribs: { class: cls }, children: [] }) as unknown as Parameters<typeof hasBoilerplateClass>[0];

  it.each([
    'share-bar',
    'jp-relatedposts',
    'comments-area',
    'cookie-notice',
    'InlineImage-imageEmbedCaption',
    'tag-links',
  ])('treats %s as boilerplate', (cls) => {
    expect(hasBoilerplateClass(el(cls))).toBe(true);
  });

  it.each([
    'entry-content',
    'article-body share-enabled',
    'shareholders',
    'social-media-embed',
    'post__content',
  ])('keeps %s', (cls) => {
    expect(hasBoilerplateClass(el(cls))).toBe(false);
  });
});
