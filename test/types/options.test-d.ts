/**
 * Type tests: a factory's list of valid option names must name every key of its options type, so an
 * option added to an interface but not to the list fails to compile instead of being refused at run time.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { checkOptionNames, type ListsEveryOption } from '../../src/core/options.js';
import { checkOptions } from '../../src/policy/validate.js';
import type { RetryBudgetOptions } from '../../src/policy/budget.js';
import { RETRY_OPTIONS, type RetryOptions } from '../../src/policy/retry.js';

interface Opts {
  readonly a?: number;
  readonly b?: string;
}

describe('option lists', () => {
  it('a list naming every key compiles, extra names included', () => {
    expectTypeOf<ListsEveryOption<Opts, ['a', 'b']>>().toEqualTypeOf<unknown>();
    expectTypeOf<ListsEveryOption<Opts, ['a', 'b', 'classifier']>>().toEqualTypeOf<unknown>();
    checkOptions('f', {} as Opts, ['a', 'b']);
    checkOptionNames('f', {} as Opts, ['b', 'a']);
    checkOptions('retry', {} as RetryOptions, RETRY_OPTIONS);
  });

  it('a list missing a key does not compile, and says which', () => {
    expectTypeOf<ListsEveryOption<Opts, ['a']>>().toEqualTypeOf<{ readonly missingOption: 'b' }>();
    // @ts-expect-error 'b' is not listed
    checkOptions('f', {} as Opts, ['a']);
    // @ts-expect-error 'b' is not listed
    checkOptionNames('f', {} as Opts, ['a']);
  });

  it('every member of a union of options types counts', () => {
    expectTypeOf<ListsEveryOption<RetryBudgetOptions, ['maxTokens', 'tokenRatio', 'store', 'name', 'storeTimeoutMs', 'ratio', 'minPerSecond', 'windowMs']>>()
      .toEqualTypeOf<{ readonly missingOption: 'clock' }>();
  });
});
