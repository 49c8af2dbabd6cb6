/**
 * English lexicon of the theme engine, as data (format in lexicon.ts). The stemmer (Porter,
 * @orama/stemmers) and the stop words (stopwords-iso) are maintained packages; what is below is
 * korso's own, written by hand for the semantic fields of everyday life that parade answers keep
 * touching, whatever the parade's topic.
 */

/**
 * Concepts: a word family plus its synonyms, one concept a line, grouped into fields of related
 * concepts ("[money]": pay, price, savings …) that link weakly. Each field was written from the field
 * itself; the first fields' concepts come from the first English tuning parade (test/fixtures/themes).
 */
export const conceptsEn = `
[money]
pay: pay pays paid paying payment payments payer deposit deposits upfront invoice invoices invoicing bill billing
reminder: reminder reminders chase chasing dunning
price: price prices pricing rate rates fee fees charge charges charging quote quoted quoting undercharge undercharged underpriced haggle haggling negotiate discount discounts bargain expensive cheap cost costs
money: money income earn earning earnings revenue cash salary wage wages paycheck financial finances afford affordable wealth rich
savings: save saving savings buffer emergency thrift thrifty frugal budget budgeting nest_egg rainy_day
debt: debt debts loan loans credit mortgage borrow borrowed
buy/0.7: buy buying bought purchase purchases shopping shop consume consumer order orders groceries supermarket
donate: donate donation donations charity
tax: tax taxes taxation accountant accountants
fair: fair fairly reasonable fairness justice unjust

[~time]
ontime: punctual punctually prompt promptly quickly fast immediately =timely on_time
deadline: deadline deadlines
appointment: appointment appointments meeting meetings call calls standup standups stand-up all-hands
when/0.25: morning mornings evening evenings afternoon day days week weeks weekly month months year years hour hours minute minutes time monday tuesday wednesday thursday friday saturday sunday daily quarterly sprint
reliable: reliable reliability dependable consistent consistency
patience: patience patient patiently wait waiting
longterm: long-term loyal loyalty returning repeat
routine: routine routines ritual rituals habit habits rhythm daily_routine morning_routine
plan: plan plans planning planned prepare preparation calendar schedule scheduling prioritise prioritize priority priorities roadmap checklist checklists to-do to-do_list todo
early: early dawn sunrise

[~working together]
manners: manners polite politeness courtesy etiquette
tradition: tradition traditions traditional heritage
faith: faith church pray prayer prayers spiritual spirituality religion religious
story: story stories storytelling anecdote anecdotes history
memory: memory memories remember remembering photos photo photograph
repair: repair repairs repaired mend mending fix fixing
craft: knit knitting sew sewing crochet crafts crafting handmade woodwork
garden: plant plants planting grow_vegetables allotment harvest
weather: weather rain rainy storm storms snow fog sunshine sunny
trust: trust trusts trusted trusting trustworthy psychological_safety safe_space reliance
appreciate: appreciate appreciates appreciation value values valued praise recognition recognise recognize acknowledge shout-out shout-outs kudos
thanks: thank thanks thanking grateful gratitude thankful
respect: respect respects respectful dignity equals equal
recommend: recommend recommends recommendation referral referrals refer refers word_of_mouth
honest: honest honesty transparent transparency candid candour candor truth truthful authentic authenticity integrity
communicate: communicate communicates communication over-communicate talk talks talking discuss discussion discussions conversation conversations
respond: respond responds response reply replies responsive
listen: listen listens listening listener heard listened
feedback: feedback critique review reviews retro retros retrospective retrospectives criticism constructive one-on-one one-on-ones
clarity: clear clarity brief briefing goal goals vision mission objective objectives purpose direction focus_on
decide: decide decides decision decisions approval approve commit
revision: revision revisions change changes edit edits
scope: scope deliverables included scope_creep
contract: contract contracts agreement agreements in_writing written
say-no: say_no saying_no decline declining refuse walk_away red_flag red_flags turn_down
client/0.3: client clients customer customers
ownership: =ownership =owner =owners =owns =accountable =accountability =responsibility =responsibilities =responsible role roles
conflict: conflict conflicts disagree disagreement disagreements argue argument arguments debate debates fight fights dispute
blame: blame finger_pointing scapegoat
ego: ego egos arrogance arrogant humble humility
help: help helps helping helped helpful support supports supporting supportive assist pitch_in jump_in cover covers covering generous_with favour favor lend
share: share shares sharing shared give_back giving_back
kindness: kind kindness kindly caring compassion empathy empathetic warm warmth generous generosity gentle thoughtful thoughtfulness considerate
mentor: mentor mentors mentoring mentorship teach teaches teaching taught coach coaching pair pairing buddy
onboarding: onboarding onboard newcomer newcomers new_hire new_hires first_day welcome
leadership: leader leaders leadership lead leads manager managers management boss bosses micromanage micromanagement micromanaging supervisor
team/0.7: team teams teammate teammates teamwork colleague colleagues crew squad
diversity: diversity diverse inclusion inclusive background backgrounds perspective perspectives different_views introvert introverts
docs: document documentation docs readme notes write_down written_down wiki runbook runbooks
async: async asynchronous
remote: remote remotely hybrid distributed time_zone time_zones timezone timezones in_person offsite offsites camera cameras video
tools/0.7: tool tools tooling software tracker chat slack ci automation
mistake: mistake mistakes fail failure failures failing error errors
focus: focus focused concentrate concentration deep_work !distraction
distraction: distraction distractions distracted interrupt interrupts interruption interruptions
curious: open_to curious curiosity =experiment =experiments
perfect: perfect perfection perfectionism ready good_enough
independent: independent independence freedom autonomy autonomous
business: business businesses entrepreneur sales

[freelance]
boundary: boundary boundaries office_hours working_hours weekend weekends night notifications
admin: admin administration bookkeeping =accounting receipts paperwork bureaucracy forms
market: marketing market pipeline lead_source visibility portfolio linkedin newsletter email_list show_up
niche: niche specialise specialize specialist specialists specialisation

[rest]
rest: rest holiday holidays vacation break breaks recover time_off day_off energy
pace: pace sustainable sustainably work-life_balance !overwork
overwork: overtime crunch burnout burn_out burned_out burnt_out exhausted exhaustion overwork overworked heroics
calm: calm calmness serene serenity relaxed relax relaxing peace peaceful quiet stillness patience_with composure unbothered
sleep: sleep sleeping nap bed tired
stress: stress stressed stressful pressure rush rushed hurry panic hectic overwhelm overwhelmed

[~feelings]
surprise: surprise surprises surprised
nostalgia: nostalgia nostalgic homesick homesickness
fun: fun joy enjoy enjoyable
laugh: laugh laughs laughing laughter humour humor funny joke jokes pun puns meme memes silly banter
celebrate: celebrate celebrates celebrating celebration celebrations party parties win wins launch launches milestone milestones
happy: happy happiness content contentment satisfied satisfaction joyful cheerful
meaning: meaning meaningful fulfilling fulfilment fulfillment
hope: hope hopeful optimism optimistic
worry: worry worries anxious anxiety fear fears afraid doubt doubts nervous insecurity
anger: anger angry frustrated frustration annoyed
lonely: lonely loneliness alone isolation isolated
love: love loving marriage married romance
pride: proud pride
courage: courage brave bravery dare risk risks bold
persevere: persevere perseverance resilience resilient grit persistence persistent keep_going never_give_up

[family]
family: family families kids children child partner husband wife parent parents mother father mum mom dad son daughter baby sister brother grandchildren niece nephew cousin cousins
grandparents: grandparents grandparent grandma grandpa grandmother grandfather granny nana
elderly: elderly old_age retirement retired

[social]
friends: friend friends friendship friendships pals
network: network networking relationship relationships contacts
community: =community =communities peers coworking mastermind belonging neighbours neighbors neighbourhood neighborhood volunteer volunteering club clubs society solidarity
hospitality: hospitality guests guest host hosting invite invitation

[learning]
learn: learn learns learning learned learnt skill skills course courses training workshop workshops lunch-and-learn lunch-and-learns grow growth develop development study studying studied class classes lesson lessons practice practise
knowledge: knowledge know-how =experience =experiences expertise wisdom 
read: book books read reading library novel novels newspaper newspapers magazine magazines audiobook audiobooks
write: write writing blog blogging journal journaling letter letters notebook diary

[~health]
health: health healthy sick illness doctor medicine wellbeing well-being medical remedy remedies
sport: sport sports exercise =running =runner =runners jogging yoga swim swimming cycling gym workout fitness hiking_boots football tennis climbing dance dancing

[food]
food: cook cooking food meal meals recipe recipes lunch lunches dinner dinners breakfast pizza snack snacks eat eating soup soups stew bread kitchen
sweets: cake cakes biscuits cookies chocolate sweets dessert baking bake pie pies pastry pastries
coffee: coffee espresso latte cappuccino
tea: tea
drink: drink drinks beer wine juice water cocoa hot_chocolate

[outdoors]
nature: nature forest woods hike hiking walk walks outdoors mountains garden gardening park sea beach ocean lake river trees tree flowers
pet: dog dogs cat cats pet pets
travel: travel travelling traveling trip trips abroad holiday_home road_trip journey journeys

[~home]
home: home house flat apartment cosy cozy blanket sofa couch candles
office: office desk desks workspace chair chairs standing_desk keyboard keyboards monitor monitors
music: music song songs sing singing playlist concert
work/0.3: work works working job jobs
`;

/** Irregular verb forms the stemmer cannot join to their base, one verb a line: `base: forms`. */
export const verbFormsEn = `
be: was were been
bring: brought
build: built
buy: bought order orders groceries supermarket
catch: caught
choose: chose chosen
do: did done
eat: ate eaten
fall: fell fallen
feel: felt
fight: fought
find: found
forget: forgot forgotten
get: got gotten
give: gave given
go: went gone
grow: grew grown
hold: held
keep: kept
know: knew known
lead: led
leave: left
lose: lost
make: made
meet: met
pay: paid
run: ran
say: said
see: saw seen
sell: sold
send: sent
sing: sang sung
sleep: slept
speak: spoke spoken
spend: spent
stand: stood
take: took taken
teach: taught
tell: told
think: thought
understand: understood
win: won
write: wrote written letter letters notebook diary
`;

/** Words stopwords-iso lists that carry meaning in parade answers and must stay (hand-picked). */
export const keepWordsEn = `
fire free help home open problem problems room side test text value work worked working works year years
alone together early kind order important interest
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
