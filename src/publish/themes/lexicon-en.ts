/**
 * English lexicon of the theme engine, as data (format in lexicon.ts). The stemmer (Porter,
 * @orama/stemmers) and the stop words (stopwords-iso) are maintained packages; what is below is
 * korso's own, written by hand for the things parade answers keep naming.
 */

/**
 * Concepts: a word family plus its synonyms, one concept a line; written by hand from the vocabulary
 * of blog carnivals about clients, freelancing, happiness and blogging, and checked against the
 * English tuning parade in test/fixtures/themes.
 */
export const conceptsEn = `
# money and payment
pay: pay pays paid paying payment payments payer deposit deposits upfront invoice invoices invoicing bill billing
reminder: reminder reminders chase chasing dunning
price: price prices pricing rate rates fee fees charge charges charging quote quoted quoting undercharge undercharged underpriced haggle haggling negotiate discount discounts bargain
money: money income earn earning earnings revenue cash
tax: tax taxes taxation accountant accountants
savings: save saving savings buffer emergency
fair: fair fairly reasonable

# time and reliability
ontime: punctual punctually prompt promptly quickly fast immediately =timely on_time
deadline: deadline deadlines
appointment: appointment appointments meeting meetings call calls
when/0.25: morning mornings evening afternoon day days week weeks month months year years hour hours minute minutes time monday friday sunday
reliable: reliable reliability dependable
patience: patience patient
longterm: long-term loyal loyalty returning repeat

# working together
trust: trust trusts trusted trusting
appreciate: appreciate appreciates appreciation value values valued praise
thanks: thank thanks grateful gratitude
respect: respect respects respectful
recommend: recommend recommends recommendation referral referrals refer refers
honest: honest honesty transparent direct
communicate: communicate communicates communication talk talks
respond: respond responds response reply replies responsive
feedback: feedback critique
clarity: clear clarity brief briefing goal goals vision
decide: decide decides decision decisions approval approve
revision: revision revisions change changes edit edits
scope: scope deliverables included
contract: contract contracts agreement agreements in_writing written
say-no: say_no saying_no decline declining refuse walk_away red_flag red_flags turn_down
client/0.3: client clients customer customers
boundary: boundary boundaries office_hours working_hours weekend weekends night notifications
rest: rest holiday holidays vacation break breaks burnout recover time_off day_off energy
health: health healthy sick illness
lonely: lonely loneliness alone isolation isolated
community: =community =communities peers colleagues coworking mastermind
network: network networking relationship relationships contacts
market: marketing market pipeline leads lead visibility portfolio linkedin newsletter email_list show_up
niche: niche specialise specialize specialist specialists specialisation
curious: open_to curious curiosity experiment experiments
perfect: perfect perfection perfectionism ready good_enough
admin: admin administration bookkeeping =accounting receipts paperwork
business: business businesses entrepreneur sales

# everyday life
coffee: coffee espresso latte cappuccino
nature: nature forest woods hike hiking walk walks outdoors mountains
family: family kids children child partner husband wife
friends: friend friends friendship
pet: dog dogs cat cats pet pets
read: book books read reading library
music: music song songs sing singing playlist concert
sleep: sleep sleeping nap bed
travel: travel travelling traveling trip trips abroad
food: cook cooking food meal meals recipe recipes
learn: learn learning skill skills
fun: fun joy enjoy
write: write writing blog blogging
work/0.3: work works working job jobs
`;

/** Words stopwords-iso lists that carry meaning in parade answers and must stay (hand-picked). */
export const keepWordsEn = `
fire free help home open problem problems room side test text value work worked working works year years
`;

/** Filler of list answers beyond stopwords-iso (hand-picked). */
export const extraStopWordsEn = `
ideal really actually simply always just stuff things lot lots
`;

/** Negation: "not" and its kin negate their clause; "no" and "without" the words after them. */
export const negationEn = {
  clause: ['not', 'never'],
  following: ['no', 'without', 'instead'],
  cancel: ['only', 'just'],
  clauseEnd: ['and', 'but', 'or', 'because', 'when', 'if', 'than'],
};
