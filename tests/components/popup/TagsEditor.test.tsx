import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { addTags, TagsEditor } from '@/components/popup/TagsEditor';

afterEach(cleanup);

/** The editor with its tags in state, as the store keeps them. */
function Harness({ initial }: { initial: string[] }) {
  const [tags, setTags] = useState(initial);
  return <TagsEditor tags={tags} onChange={setTags} />;
}

const tagNames = (): string[] => {
  const list = screen.queryByRole('list', { name: 'Tags' });
  return list ? within(list).getAllByRole('listitem').map((item) => item.querySelector('span')?.textContent ?? '') : [];
};

describe('TagsEditor with the keyboard', () => {
  it('adds a tag on Enter and clears the field', () => {
    render(<Harness initial={[]} />);
    const input = screen.getByRole('textbox', { name: 'Tags' }) as HTMLInputElement;
    fireEvent.change(input, { target: { value: '  beauty   UK ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(tagNames()).toEqual(['beauty UK']);
    expect(input.value).toBe('');
  });

  it('adds on "," too, and skips duplicates whatever their case', () => {
    render(<Harness initial={['Travel']} />);
    const input = screen.getByRole('textbox', { name: 'Tags' });
    fireEvent.change(input, { target: { value: 'travel, food' } });
    fireEvent.keyDown(input, { key: ',' });
    expect(tagNames()).toEqual(['Travel', 'food']);
  });

  it.each(['、', '，', ';'])('adds on %j too', (separator) => {
    render(<Harness initial={[]} />);
    const input = screen.getByRole('textbox', { name: 'Tags' }) as HTMLInputElement;
    fireEvent.change(input, { target: { value: `美容${separator}旅行` } });
    fireEvent.keyDown(input, { key: separator });
    expect(tagNames()).toEqual(['美容', '旅行']);
    expect(input.value).toBe('');
  });

  it('leaves Enter to the input method while it composes', () => {
    render(<Harness initial={[]} />);
    const input = screen.getByRole('textbox', { name: 'Tags' }) as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'びよう' } });
    fireEvent.keyDown(input, { key: 'Enter', isComposing: true });
    expect(tagNames()).toEqual([]);
    expect(input.value).toBe('びよう');
  });

  it('removes the last tag on Backspace in the empty field', () => {
    render(<Harness initial={['a1', 'b2']} />);
    const input = screen.getByRole('textbox', { name: 'Tags' });
    fireEvent.keyDown(input, { key: 'Backspace' });
    expect(tagNames()).toEqual(['a1']);
  });

  it('keeps the tags while the field has text on Backspace', () => {
    render(<Harness initial={['a1']} />);
    const input = screen.getByRole('textbox', { name: 'Tags' });
    fireEvent.change(input, { target: { value: 'x' } });
    fireEvent.keyDown(input, { key: 'Backspace' });
    expect(tagNames()).toEqual(['a1']);
  });

  it('removes one tag with its button and moves focus to the field', () => {
    render(<Harness initial={['a1', 'b2', 'c3']} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag b2' }));
    expect(tagNames()).toEqual(['a1', 'c3']);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Tags' }));
  });

  it('adds with the Add button, which is disabled while the field is empty', () => {
    render(<Harness initial={[]} />);
    const add = screen.getByRole('button', { name: 'Add' }) as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: 'Tags' }), { target: { value: 'vegan' } });
    fireEvent.click(add);
    expect(tagNames()).toEqual(['vegan']);
  });
});

describe('tag helpers', () => {
  it.each([
    [[], 'a, b,,c', ['a', 'b', 'c']],
    [['A'], 'a', ['A']],
    [['A'], ' ', ['A']],
    [[], '  beauty   UK ', ['beauty UK']],
    [[], 'x'.repeat(50), ['x'.repeat(40)]],
    // Issue 18: Japanese and Chinese commas, and semicolons, separate tags too; a space never does.
    [[], '美容、旅行', ['美容', '旅行']],
    [[], '美食，旅游', ['美食', '旅游']],
    [[], 'Reise; Beauty；Mode', ['Reise', 'Beauty', 'Mode']],
    [[], 'UK micro、 beauty', ['UK micro', 'beauty']],
  ])('addTags(%j, %j) → %j', (tags, text, expected) => {
    expect(addTags(tags, text)).toEqual(expected);
  });
});
