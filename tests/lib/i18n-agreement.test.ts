import { describe, expect, it } from 'vitest';
import { formatMessage, readMessages, type Locale } from '../i18n-fake';

/*
 * Issue 18: messages that take a noun ($POSTS$: "publicações" or "vídeos") must agree with both,
 * whatever their gender: pt_BR read "Ainda não foram encontrados publicações", "Nenhum dos publicações…".
 * Each message with $POSTS$ is filled with each noun, and words that agree with one gender only are
 * looked for right before it.
 */
const WRONG: Partial<Record<Locale, { feminine: string; masculine: string; beforeFeminine: RegExp; beforeMasculine: RegExp }>> = {
  pt_BR: {
    feminine: 'publicações',
    masculine: 'vídeos',
    beforeFeminine: /\b(?:os|dos|nos|aos|pelos|Nenhum dos|encontrados|fixados|estes|esses|seus)\s+$/iu,
    beforeMasculine: /\b(?:as|das|nas|às|pelas|Nenhuma das|encontradas|fixadas|estas|essas|suas)\s+$/iu,
  },
  pt_PT: {
    feminine: 'publicações',
    masculine: 'vídeos',
    beforeFeminine: /\b(?:os|dos|nos|aos|pelos|Nenhum dos|encontrados|fixados|estes|esses|seus)\s+$/iu,
    beforeMasculine: /\b(?:as|das|nas|às|pelas|Nenhuma das|encontradas|fixadas|estas|essas|suas)\s+$/iu,
  },
  es: {
    feminine: 'publicaciones',
    masculine: 'videos',
    beforeFeminine: /\b(?:los|Ninguno de los|unos|estos|esos)\s+$/iu,
    beforeMasculine: /\b(?:las|Ninguna de las|unas|estas|esas)\s+$/iu,
  },
};

describe('a noun placeholder agrees with every noun it takes', () => {
  it.each(Object.keys(WRONG) as Locale[])('%s', (locale) => {
    const rules = WRONG[locale]!;
    const messages = readMessages(locale);
    const problems: string[] = [];
    for (const [key, entry] of Object.entries(messages)) {
      const placeholder = Object.entries(entry.placeholders ?? {}).find(([name]) => name.toLowerCase() === 'posts');
      if (!placeholder) continue;
      const at = Number(placeholder[1].content.slice(1)) - 1;
      for (const [noun, before] of [
        [rules.feminine, rules.beforeFeminine],
        [rules.masculine, rules.beforeMasculine],
      ] as const) {
        const substitutions = Array.from({ length: 9 }, (_, index) => (index === at ? noun : 'X'));
        const text = formatMessage(entry, substitutions);
        const start = text.indexOf(noun);
        if (start >= 0 && before.test(text.slice(0, start))) problems.push(`${key}: ${text}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
