import { z } from 'zod';

/** The message of a missing value; the server also maps it to the field error code `required`. */
export const REQUIRED_MESSAGE = 'is required';

const article = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);

/**
 * Plain messages a person can act on, used by server and web alike. A field-level message says
 * what the value must be; the field name travels separately in the error's path.
 */
export function configureZodMessages(): void {
  z.config({
    customError: (issue) => {
      switch (issue.code) {
        case 'invalid_type':
          if (issue.input === undefined) return REQUIRED_MESSAGE;
          return `must be ${article(String(issue.expected))}`;
        case 'invalid_value':
          return `must be one of: ${issue.values.map(String).join(', ')}`;
        case 'too_small': {
          const n = String(issue.minimum);
          if (issue.origin === 'string') return `must be at least ${n} characters`;
          if (issue.origin === 'array' || issue.origin === 'set')
            return `must have at least ${n} items`;
          return issue.inclusive === false ? `must be greater than ${n}` : `must be at least ${n}`;
        }
        case 'too_big': {
          const n = String(issue.maximum);
          if (issue.origin === 'string') return `must be at most ${n} characters`;
          if (issue.origin === 'array' || issue.origin === 'set')
            return `must have at most ${n} items`;
          return issue.inclusive === false ? `must be less than ${n}` : `must be at most ${n}`;
        }
        case 'unrecognized_keys':
          return `unknown field(s): ${issue.keys.join(', ')}`;
        default:
          return undefined;
      }
    },
  });
}
