/**
 * Class names that PurgeCSS cannot see in the sources because the code builds them at run time
 * (`alert-${kind}` in the notifications, badge tones picked from maps) or that state adds. Keep
 * this list short: a name missing here is a rule missing in production, which the browser
 * journeys' axe runs catch (contrast, focus).
 */
export const cssSafelist = {
  standard: [/^alert-/, /^bg-/, /^text-bg-/, /^is-/, /^was-validated$/, /^show$/, /^active$/, /^disabled$/],
  greedy: [],
};
