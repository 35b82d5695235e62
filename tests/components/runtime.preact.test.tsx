import { render, screen } from '@testing-library/react';
import { options } from 'preact';
import * as compat from 'preact/compat';
import * as React from 'react';
import { afterEach, describe, expect, it } from 'vitest';

/*
 * Runs only in the 'preact' project (vitest.config.ts): proof that the badge's tests there really
 * render with Preact, as the content script does, and not with React under another name.
 */

const previousVnode = options.vnode;
afterEach(() => {
  options.vnode = previousVnode;
});

describe('the preact project', () => {
  it('resolves react to preact/compat', () => {
    expect(React.createElement).toBe(compat.createElement);
    expect(React.useState).toBe(compat.useState);
  });

  it('renders JSX and Testing Library through Preact', () => {
    const types: unknown[] = [];
    options.vnode = (vnode) => {
      types.push(vnode.type);
      previousVnode?.(vnode);
    };
    function Probe() {
      return <p>drawn by Preact</p>;
    }
    render(<Probe />);
    expect(screen.getByText('drawn by Preact')).toBeTruthy();
    expect(types).toContain(Probe);
    expect(types).toContain('p');
  });
});
