import { nlp } from './nlp';

/**
 * The event taxonomy: a small set of types in the spirit of CAMEO (the Conflict and Mediation
 * Event Observations codebook used for political event data), widened with the kinds of events
 * general news reports that CAMEO leaves out (accidents, elections, markets, contests).
 *
 * | id          | label                  | CAMEO roots            | typical triggers                          |
 * |-------------|------------------------|------------------------|-------------------------------------------|
 * | statement   | Statement              | 01, 02, 10             | said, announced, reiterated, urged        |
 * | meeting     | Meeting/visit          | 04                     | met, visited, talks, summit, hosted       |
 * | cooperation | Cooperation/agreement  | 03, 05, 06             | signed, agreed, deal, treaty, pledged     |
 * | support     | Support                | 051, 07, 08            | supports, backed, praised, welcomed, aid  |
 * | criticism   | Criticism/opposition   | 11, 12, 13, 14, 16     | criticised, blamed, protested, sanctions  |
 * | conflict    | Conflict/attack        | 18, 19, 20             | attacked, bombing, shot, clashes, war     |
 * | disaster    | Accident/disaster      | —                      | crash, derailed, earthquake, flood, fire  |
 * | legal       | Legal/arrest           | 111, 115, 17           | arrested, charged, investigation, trial   |
 * | election    | Election/appointment   | —                      | elected, vote, appointed, resigned        |
 * | economic    | Economic               | 061 (in part)          | bought, merger, invest, prices, tariffs   |
 * | contest     | Contest/result         | —                      | won, beat, victory, title                 |
 * | movement    | Travel/movement        | —                      | arrived, landed, fled, returned           |
 * | other       | Other                  | —                      | a main event whose verb is in no list     |
 *
 * Verbs of harm (killed, died, injured...) have no type of their own: they take the type of a
 * conflict or accident trigger in the same sentence, else conflict when someone did the killing
 * and accident/disaster otherwise. "win"/"lose"/"defeat" are contests unless the sentence speaks
 * of an election.
 */
export type EventType =
  | 'statement'
  | 'meeting'
  | 'cooperation'
  | 'support'
  | 'criticism'
  | 'conflict'
  | 'disaster'
  | 'legal'
  | 'election'
  | 'economic'
  | 'contest'
  | 'movement'
  | 'other';

export interface EventTypeInfo {
  id: EventType;
  label: string;
  description: string;
}

export const EVENT_TYPES: readonly EventTypeInfo[] = [
  { id: 'statement', label: 'Statement', description: 'Public statements, announcements, appeals and comments.' },
  { id: 'meeting', label: 'Meeting/visit', description: 'Meetings, visits, talks, summits, consultations and negotiations.' },
  { id: 'cooperation', label: 'Cooperation/agreement', description: 'Agreements, deals, treaties, pledges and joint work.' },
  { id: 'support', label: 'Support', description: 'Support, endorsement, praise, thanks and aid.' },
  { id: 'criticism', label: 'Criticism/opposition', description: 'Criticism, blame, accusations, rejection, protests, threats and sanctions.' },
  { id: 'conflict', label: 'Conflict/attack', description: 'Attacks, fighting, bombings, shootings and other violence.' },
  { id: 'disaster', label: 'Accident/disaster', description: 'Accidents, crashes, natural disasters, fires and their casualties.' },
  { id: 'legal', label: 'Legal/arrest', description: 'Arrests, charges, investigations, trials and verdicts.' },
  { id: 'election', label: 'Election/appointment', description: 'Elections, votes, campaigns, appointments and resignations.' },
  { id: 'economic', label: 'Economic', description: 'Trade, sales, acquisitions, investment, prices and jobs.' },
  { id: 'contest', label: 'Contest/result', description: 'Wins, defeats and results of competitions.' },
  { id: 'movement', label: 'Travel/movement', description: 'Arrivals, departures, journeys and flight.' },
  { id: 'other', label: 'Other', description: 'The main action of an article when it fits no other type.' },
];

const LABELS = new Map(EVENT_TYPES.map((t) => [t.id, t.label]));

export function eventTypeLabel(type: string): string {
  return LABELS.get(type as EventType) ?? type;
}

function table(spec: Partial<Record<EventType, string>>): Map<string, EventType> {
  const out = new Map<string, EventType>();
  for (const [type, words] of Object.entries(spec) as [EventType, string][]) {
    for (const w of words.split(',')) out.set(w.trim(), type);
  }
  return out;
}

/** Verb lemmas (infinitives; phrasal verbs with their particle) that trigger an event. */
const VERBS = table({
  statement:
    'say,tell,state,announce,declare,claim,add,note,stress,emphasize,emphasise,reiterate,confirm,report,reveal,insist,explain,describe,comment,argue,suggest,predict,urge,appeal,call for,admit,acknowledge,respond,reply,write,tweet,express,assert,warn,deny,vow,estimate,disclose,remark,speak',
  meeting: 'meet,visit,host,talk,discuss,negotiate,consult,confer,sit down,exchange,gather',
  cooperation:
    'agree,sign,cooperate,collaborate,partner,pledge,promise,commit,ratify,reconcile,mediate,ally,unite,coordinate,broker,settle',
  support:
    'support,back,endorse,welcome,praise,hail,commend,thank,congratulate,applaud,appreciate,approve,aid,help,assist,donate,champion,defend,celebrate,honour,honor,salute',
  criticism:
    'criticize,criticise,condemn,denounce,blame,accuse,oppose,reject,refuse,protest,demonstrate,boycott,threaten,slam,veto,sanction,expel,suspend,complain,fume,dispute,challenge,outrage,anger,upset,hit out,lash out,rebuke,decry,deplore,object,resist,disapprove,spark',
  conflict:
    'attack,strike,bomb,shoot,murder,assassinate,fight,invade,shell,raid,ambush,clash,stab,kidnap,abduct,hijack,ram,besiege,bombard,execute,massacre,capture,seize,occupy',
  disaster: 'crash,derail,collapse,overturn,sink,explode,burn,flood,erupt,capsize,rescue,evacuate,trap,crash out,spin,skid',
  legal:
    'arrest,detain,charge,indict,sue,convict,sentence,jail,imprison,acquit,clear,investigate,probe,prosecute,fine,ban,extradite,testify,plead,deport,exonerate,summon',
  election: 'elect,vote,appoint,nominate,resign,inaugurate,swear in,campaign,concede,step down,re-elect,reelect',
  economic: 'buy,sell,acquire,merge,invest,export,import,trade,pay,fund,finance,borrow,lend,hire,lay off,price,cost,shrink,downsize,privatize,privatise,tax',
  contest: 'win,lose,beat,defeat,score,clinch,qualify,overtake,triumph,rally,outscore,edge',
  movement: 'arrive,land,travel,depart,return,fly,flee,migrate,tour,touch down',
});

/** Noun lemmas (singular) that name an event. */
const NOUNS = table({
  statement: 'statement,announcement,remark,speech,interview,press conference,comment,declaration,appeal,warning,pledge',
  meeting: 'meeting,visit,talk,talks,summit,conference,consultation,negotiation,discussion,exchange,trip,call,audience,session',
  cooperation: 'agreement,deal,treaty,accord,pact,cooperation,partnership,alliance,memorandum,ceasefire,truce',
  support: 'support,backing,endorsement,aid,assistance,praise,gratitude,help,donation,tribute,applause',
  criticism: 'criticism,condemnation,protest,opposition,outrage,anger,backlash,boycott,sanction,threat,complaint,accusation,dispute,row,fury,demonstration,rally,uproar',
  conflict: 'attack,airstrike,strike,bombing,blast,shooting,gunfire,war,battle,fighting,clash,offensive,invasion,raid,assault,massacre,violence,ambush,insurgency,hostage,siege',
  disaster: 'accident,crash,derailment,collapse,earthquake,quake,flood,fire,blaze,storm,hurricane,typhoon,tsunami,landslide,explosion,disaster,tragedy,outbreak,epidemic,pandemic,drought,wildfire,eruption,rescue',
  legal: 'arrest,trial,lawsuit,investigation,probe,inquiry,indictment,verdict,conviction,ruling,prosecution,detention,hearing,sentence',
  election: 'election,vote,ballot,referendum,campaign,appointment,resignation,inauguration,nomination,primary,poll,runoff',
  economic: 'merger,acquisition,investment,tariff,layoff,takeover,sale,ipo,bailout,recession,inflation',
  contest: 'victory,win,defeat,triumph,final,championship,title,race,match,game,tournament,podium',
  movement: 'arrival,departure,journey,return,flight,tour,exodus,evacuation',
});

/** Verbs of harm whose type depends on the sentence (see the module comment). */
const HARM = new Set(['kill', 'die', 'injure', 'wound', 'hurt', 'harm', 'dead']);

const CONTEST_ELECTION = new Set(['win', 'lose', 'beat', 'defeat', 'victory', 'concede']);

/** Words that, anywhere in a sentence, make win/lose/defeat an election event. */
const ELECTION_CONTEXT = new Set(['election', 'elections', 'vote', 'votes', 'ballot', 'poll', 'polls', 'presidency', 'referendum', 'primary', 'seat', 'seats', 'mandate']);

/** Verbs too vague to be events but that carry an event noun as object ("held talks"). */
export const LIGHT_VERBS = new Set(['hold', 'have', 'make', 'stage', 'conduct', 'launch', 'carry out', 'give', 'take', 'begin', 'start', 'end', 'conclude', 'co-chair', 'attend', 'organize', 'organise', 'host', 'mount', 'express', 'offer', 'reiterate', 'announce', 'deliver']);

/** Types whose nouns name something concrete enough to be an event without a named agent. */
const CONCRETE_NOUN_TYPES = new Set<EventType>(['meeting', 'conflict', 'disaster', 'legal', 'election', 'contest', 'movement']);

/** "attack on the consulate" is an event by itself; "cooperation with Russia" needs a who. */
export function needsAgent(type: EventType | 'harm'): boolean {
  return type === 'harm' || !CONCRETE_NOUN_TYPES.has(type);
}

export type TriggerKind = 'verb' | 'noun';

export interface TriggerMatch {
  type: EventType | 'harm';
  /** Lemma as looked up, for the flexible cases. */
  lemma: string;
}

interface Conjugator {
  methods: { two: { transform: { verb: { conjugate(word: string, model: unknown): Record<string, string> } } } };
  model: unknown;
}

let verbForms: Map<string, string> | undefined;

/**
 * The trigger verb (first word of its lemma) a word form belongs to: "met" -> "meet",
 * "laid" -> "lay". Built once from compromise's conjugations, so tagging a sentence's verbs costs
 * a map lookup each.
 */
export function triggerVerbOf(word: string): string | undefined {
  if (!verbForms) {
    verbForms = new Map();
    const world = nlp.world() as Conjugator;
    for (const lemma of [...VERBS.keys(), ...HARM]) {
      const head = lemma.split(' ')[0];
      verbForms.set(head, head);
      for (const form of Object.values(world.methods.two.transform.verb.conjugate(head, world.model))) {
        if (!form.includes(' ') && !verbForms.has(form)) verbForms.set(form, head);
      }
    }
  }
  return verbForms.get(word);
}

/**
 * Cheap test on a word as written, before its lemma is computed: could it be an event noun?
 * (plural -s/-es/-ies forms included).
 */
export function mayBeEventNoun(word: string): boolean {
  if (NOUNS.has(word)) return true;
  if (!word.endsWith('s')) return false;
  return NOUNS.has(word.slice(0, -1)) || NOUNS.has(word.slice(0, -2)) || (word.endsWith('ies') && NOUNS.has(`${word.slice(0, -3)}y`));
}

export function triggerOf(lemma: string, kind: TriggerKind): TriggerMatch | undefined {
  if (kind === 'verb' && HARM.has(lemma)) return { type: 'harm', lemma };
  const type = (kind === 'verb' ? VERBS : NOUNS).get(lemma);
  return type ? { type, lemma } : undefined;
}

/** True when `lemma` is an event verb of any type (used to repair headline tagging). */
export function isEventVerb(lemma: string): boolean {
  return VERBS.has(lemma) || HARM.has(lemma);
}

/**
 * Resolves the types that depend on their sentence: harm verbs and contest/election words.
 * `sentenceTypes` are the fixed types of the other triggers of the sentence; `words` its
 * lower-cased tokens; `hasAgent` whether someone is named as doing the harm.
 */
export function resolveType(m: TriggerMatch, sentenceTypes: ReadonlySet<EventType>, words: ReadonlySet<string> | (() => ReadonlySet<string>), hasAgent: boolean): EventType {
  if (m.type === 'harm') {
    if (sentenceTypes.has('conflict')) return 'conflict';
    if (sentenceTypes.has('disaster')) return 'disaster';
    return hasAgent && (m.lemma === 'kill' || m.lemma === 'wound') ? 'conflict' : 'disaster';
  }
  if (m.type === 'contest' && CONTEST_ELECTION.has(m.lemma)) {
    for (const w of typeof words === 'function' ? words() : words) if (ELECTION_CONTEXT.has(w)) return 'election';
  }
  return m.type;
}
