// The word lists style measurement compares a writer against. Small on purpose: they are read by
// code that must run without a model or a download, and a few hundred words settle whether a word
// is ordinary English or the writer's own choice.

/**
 * Words that carry grammar rather than voice: never offered as vocabulary to use, and not counted
 * when a correction adds or removes them ("the" swapped for "a" says nothing about style).
 */
export const functionWords: ReadonlySet<string> = new Set(
  (
    'a an the and or but nor so yet for of to in on at by with from into onto upon about above below over under ' +
    'between among through during before after since until while as than then that this these those there here ' +
    'is are was were be been being am do does did done have has had having will would shall should can could may ' +
    "must it its it’s it's he him his she her hers they them their theirs we us our ours you your yours i me my mine " +
    'myself yourself himself herself itself ourselves themselves who whom whose which what when where why how ' +
    'not no if else also all any each every both either neither some such own same other another more most ' +
    'one two three s t d ll m re ve out up down off again further once only too'
  ).split(' '),
);

/**
 * Words an editor strikes to change a voice (fillers, intensifiers): grammatical enough to look
 * like function words, but exactly what a correction teaches, so they are always counted.
 */
export const voiceWords: ReadonlySet<string> = new Set(
  'very really just actually basically quite simply literally totally honestly truly definitely certainly extremely super so'.split(
    ' ',
  ),
);

/**
 * Common English words, most frequent first (after the function words): a word on this list is
 * distinctive of a writer only when they use it far more than its rank suggests. Hand-made from
 * general frequency lists; its order matters more than its exact ranks.
 */
export const baselineWords: readonly string[] = (
  'said like time just know people year get make go see think way day take come good new want look use find give ' +
  'tell work call try ask need feel become leave put mean keep let begin seem help talk turn start show hear play ' +
  'run move live believe hold bring happen write provide sit stand lose pay meet include continue set learn change ' +
  'lead understand watch follow stop create speak read allow add spend grow open walk win offer remember love ' +
  'consider appear buy wait serve die send expect build stay fall cut reach kill remain suggest raise pass sell ' +
  'require report decide pull thing man woman child world life hand part place case week company system program ' +
  'question government number night point home water room mother area money story fact month lot right study book ' +
  'eye job word business issue side kind head house service friend father power hour game line end member law car ' +
  'city community name president team minute idea kid body information back parent face others level office door ' +
  'health person art war history party result morning reason research girl guy moment air teacher force education ' +
  'first last long great little old big high different small large next early young important few public bad able ' +
  'late hard major better best sure free full special easy clear recent certain personal open red difficult ' +
  'available likely short single medical current wrong private past foreign fine common poor natural significant ' +
  'similar hot dead central happy serious ready simple left physical general environmental financial blue democratic ' +
  'dark various entire close legal religious cold final main green nice huge popular traditional cultural well even ' +
  'back still now never always often much many however already really today usually later together almost soon ' +
  'maybe perhaps probably yes please thanks thank hello hi dear regards sincerely kind following let us'
).split(' ');

const baselineRank = new Map<string, number>();
baselineWords.forEach((word, index) => {
  if (!baselineRank.has(word)) baselineRank.set(word, index + 1);
});

/**
 * How much a use of the word says about the writer: low for everyday words, highest for words the
 * baseline does not know. Rank 1 weighs about 1; a word outside the list weighs about 4.
 */
export function distinctiveness(word: string): number {
  const rank = baselineRank.get(word);
  const outside = baselineWords.length * 2;
  return Math.log2(2 + (rank ?? outside) / 50);
}
