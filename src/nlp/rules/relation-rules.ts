/**
 * Relation rules, as data. Each pattern (see `pattern.ts`) captures a subject `s` and an object `o`;
 * `ROLE` rules pick DIRECTS / WORKS_FOR / MEMBER_OF from the captured role word.
 */
import type { RelationType } from '../../core/index.js';

export interface RelationRule {
  id: string;
  /** A relation type, or `ROLE`: decided by the captured role `r`. */
  type: RelationType | 'ROLE';
  pattern: string;
  confidence: number;
  /** A fixed label (PARTNERS_WITH) when the pattern does not capture one. */
  label?: string;
  /** Also relate the subject to the place that follows the object as ", STATE" ("in Dallas, Texas"). */
  chain?: boolean;
  /** Also relate the subject to objects coordinated with the object ("the Fars and the Khuzestan technoparks"). */
  coordinate?: boolean;
  /** Also relate subjects coordinated with the subject to the object ("French duo X and Y"). */
  coordinateSubject?: boolean;
  /** The object must be a state, region or country ("Livingston, Texas", not "Boston, Chicago"). */
  objectIsRegion?: boolean;
  /** The object must be a country ("Serbia's Novak Djokovic", not "Cleveland's John Smith"). */
  objectIsCountry?: boolean;
  /** The object must not be a country ("X of Dallas" is a home; "X of Japan" is a nationality). */
  objectIsTown?: boolean;
  /** The subject must not be a country or state ("the U.S. in Iraq" is no containment). */
  subjectIsLocal?: boolean;
  /**
   * The object must not be written in capitals: a news dateline ("LONDON (AP) —") says where the story was
   * filed, not where the agency is based; a monitoring-service source line ("Hefei ( XINHUA )") names the
   * agency's home city in mixed case.
   */
  objectIsNotShouted?: boolean;
  /** The object must be followed by ", STATE" ("Bridgestone Arena, Nashville, TN"). */
  objectBeforeRegion?: boolean;
  /** No argument may be a pronoun (see `pronouns.ts`): the pattern reads a name's own words. */
  namesOnly?: boolean;
}

export const RELATION_RULES: readonly RelationRule[] = [
  // --- people and organisations -------------------------------------------------------------------------
  {
    id: 'org-role-name',
    type: 'ROLE',
    pattern: "ORG:o [ ( %4 ) ]? 's? ~adj? *1 ~role:r PER:s",
    confidence: 0.85,
  },
  {
    id: 'name-appositive-role-of',
    type: 'ROLE',
    pattern:
      'PER:s , [ %4 , ]? the|a|an|its|his|her? ~adj? LOC|NAT? *2 ~role:r *4 of|at|for|with|in|on the? [ LOC|NAT - based ]? *4 [ *4 , the ]? ORG:o',
    confidence: 0.85,
  },
  {
    id: 'name-appositive-org-role',
    type: 'ROLE',
    pattern: "PER:s , [ ~num , ]? a|an|another|the|its? ~adj? *2 ORG:o 's? *2 ~role:r",
    confidence: 0.8,
  },
  { id: 'role-of-org-name', type: 'ROLE', pattern: '~role:r of|at the? ORG:o , PER:s', confidence: 0.8 },
  { id: 'name-of-org', type: 'WORKS_FOR', pattern: 'PER:s of|from the? ORG:o', confidence: 0.6 },
  { id: 'name-role-at-org', type: 'ROLE', pattern: 'PER:s ( ~role:r ,|of|at ORG:o', confidence: 0.7 },
  {
    id: 'name-verb-org',
    type: 'WORKS_FOR',
    pattern: 'PER:s , who|which? works|worked|joined|serves|served for|at|with|on? the? ORG:o',
    confidence: 0.7,
  },
  {
    id: 'name-heads-org',
    type: 'DIRECTS',
    pattern:
      'PER:s , who? heads|headed|leads|led|runs|ran|chairs|chaired|directs|directed|operates|operated|manages|managed|oversees|oversaw the? ORG:o',
    confidence: 0.75,
  },
  {
    id: 'name-founded-org',
    type: 'FOUNDED',
    pattern: 'PER:s , who? co-founded|founded|established|created the? ORG:o',
    confidence: 0.75,
  },
  {
    id: 'org-spokesman-said',
    type: 'ROLE',
    pattern: 'said PER:s , ~role:r for|of the? ORG:o',
    confidence: 0.8,
  },
  { id: 'org-said-name', type: 'WORKS_FOR', pattern: "ORG:o 's ~role:r PER:s", confidence: 0.8 },
  {
    id: 'name-role-unit-at-org',
    type: 'ROLE',
    pattern: 'PER:s , the|a|an? ~adj? *2 ~role:r %8 at|for|with the? ORG:o',
    confidence: 0.65,
  },
  {
    id: 'name-member-of',
    type: 'MEMBER_OF',
    pattern: 'PER:s , [ ~num , ]? a|an|the ~adj? *1 member of the? ORG:o',
    confidence: 0.75,
  },
  { id: 'org-role-comma-name', type: 'ROLE', pattern: 'ORG:o *2 ~role:r , PER:s', confidence: 0.7 },
  { id: 'name-at-org', type: 'WORKS_FOR', pattern: 'PER:s at|with the ORG:o', confidence: 0.5 },
  { id: 'name-role-comma-org', type: 'ROLE', pattern: 'PER:s , ~adj? ~role:r , ORG:o', confidence: 0.6 },
  {
    id: 'role-name-of-org',
    type: 'ROLE',
    pattern: '~role:r PER:s of|at|for the? *1 ORG:o',
    confidence: 0.75,
  },
  {
    id: 'name-is-org-role',
    type: 'ROLE',
    pattern: "PER:s is|was the? ORG:o 's *3 ~role:r",
    confidence: 0.75,
  },
  {
    id: 'named-role-of',
    type: 'ROLE',
    pattern: 'PER:s has|was? been? named ~role:r of the? ORG:o',
    confidence: 0.75,
  },
  { id: 'named-name-role-of', type: 'ROLE', pattern: 'named PER:s ~role:r of the? ORG:o', confidence: 0.75 },
  {
    id: 'org-headed-by',
    type: 'DIRECTS',
    pattern: 'ORG:o ,? headed|led|run|chaired|directed by PER:s',
    confidence: 0.75,
  },
  {
    id: 'name-is-org-role-noun',
    type: 'ROLE',
    pattern: 'PER:s , *3 is|was a|an|the ~adj? ORG:o ~role:r',
    confidence: 0.7,
  },
  {
    id: 'name-appositive-noun-of',
    type: 'ROLE',
    pattern: 'PER:s , a|an|the ~adj? *2 ~noun:r with|for|at|of the? ORG:o',
    confidence: 0.55,
  },
  {
    id: 'name-role-at-org-possessive-org',
    type: 'ROLE',
    pattern: "PER:s , the|a|an? ~adj? *2 ~role:r at|of|with|for the? ORG 's|’s ORG:o",
    confidence: 0.7,
  },
  {
    id: 'org-possessive-role-comma-name',
    type: 'ROLE',
    pattern: "ORG:o 's|’s ~adj? *4 ~role:r , PER:s",
    confidence: 0.75,
  },
  {
    id: 'org-first-of-two-roles-name',
    type: 'ROLE',
    pattern: "ORG:o 's|’s? ~adj? ~role:r and|& ~adj? *1 ~role ,? PER:s",
    confidence: 0.75,
  },
  {
    id: 'org-second-of-two-roles-name',
    type: 'ROLE',
    pattern: "ORG:o 's|’s? ~adj? ~role and|& ~adj? *1 ~role:r ,? PER:s",
    confidence: 0.75,
  },
  {
    id: 'name-first-of-two-roles-of',
    type: 'ROLE',
    pattern: 'PER:s , the|a|an? ~adj? ~role:r and|& ~adj? *1 ~role *2 of|at the? ORG:o',
    confidence: 0.75,
  },
  {
    id: 'name-is-role-of',
    type: 'ROLE',
    pattern: 'PER:s is|was|remains|became the|a|an ~adj? *2 ~role:r of|at|for the? ORG:o',
    confidence: 0.75,
  },
  {
    id: 'name-serves-as-role-of',
    type: 'ROLE',
    pattern:
      'PER:s serves|served|serving|works|worked|working as the|a|an|its? ~adj? *2 ~role:r of|at|for the? ORG:o',
    confidence: 0.75,
  },
  {
    id: 'name-works-for',
    type: 'WORKS_FOR',
    pattern:
      'PER:s has|had? now|still|also|currently|previously|formerly|once|later? works|worked|writes|wrote|reports|reported for the? ORG:o',
    confidence: 0.7,
  },
  {
    id: 'name-comma-of-org',
    type: 'WORKS_FOR',
    pattern: 'PER:s , [ ~num , ]? of|from the ORG:o',
    confidence: 0.7,
  },
  {
    id: 'name-who-served-in',
    type: 'WORKS_FOR',
    pattern: 'PER:s , %10 who served|serves *4 in|on|with the? ORG:o',
    confidence: 0.6,
  },
  {
    id: 'org-possessive-name',
    type: 'WORKS_FOR',
    pattern: "ORG:o 's|’s PER:s",
    confidence: 0.6,
    // "its Stadia Pro": a name right after "its" is mostly its product, not its employee.
    namesOnly: true,
  },
  {
    id: 'org-members-names',
    type: 'MEMBER_OF',
    // "Zentrix founding members A, B and C", "the band's formation, original members A and B"
    pattern: "ORG:o [ 's|’s *1 , ]? ~adj? board|band|council|committee? members|bandmates PER:s",
    confidence: 0.7,
    coordinateSubject: true,
  },
  {
    id: 'name-a-party-figure',
    type: 'MEMBER_OF',
    pattern:
      'PER:s , [ ~num , ]? a|an|the ~adj? *1 ORG:o member|figure|politician|stalwart|loyalist|lawmaker|legislator|activist|supporter',
    confidence: 0.7,
  },
  {
    id: 'scored-for',
    type: 'WORKS_FOR',
    pattern: 'PER:s [ , PER ]? [ ,? and PER ]? also? scored|scores *4 for the? ORG:o',
    confidence: 0.7,
  },
  {
    id: 'stats-for',
    type: 'WORKS_FOR',
    pattern:
      'PER:s [ , PER ]? [ ,? and PER ]? also? had|has|made|makes|added|adds|stopped|stops|rushed|threw|caught|scored|kicked *4 goal|goals|assist|assists|saves|shots|points|yards|touchdown|touchdowns|rebounds|runs|hits|homers|strikeouts|carries|passes|tries|wickets|catches *6 for the? ORG:o',
    confidence: 0.7,
  },
  // --- people and places ----------------------------------------------------------------------------------
  {
    id: 'born-in',
    type: 'BORN_IN',
    pattern: 'PER:s , %20 was|is? born *6 in|near|at LOC:o',
    confidence: 0.85,
    chain: true,
  },
  {
    id: 'born-in-direct',
    type: 'BORN_IN',
    pattern: 'PER:s ,|_? who? was|is born *4 in|near|at LOC:o',
    confidence: 0.9,
    chain: true,
  },
  {
    id: 'native-of',
    type: 'LIVES_IN',
    pattern: 'PER:s , a|an ~adj? native of LOC:o',
    confidence: 0.8,
    chain: true,
  },
  {
    id: 'is-native-of',
    type: 'LIVES_IN',
    pattern: 'PER:s is|was a|an ~adj? native of LOC:o',
    confidence: 0.8,
    chain: true,
  },
  {
    id: 'lives-in',
    type: 'LIVES_IN',
    pattern: 'PER:s , who? lives|lived|resides|resided|grew up? in LOC:o',
    confidence: 0.8,
    chain: true,
  },
  {
    id: 'name-of-place',
    type: 'LIVES_IN',
    pattern: 'PER:s , a|an|the? *4 from LOC:o',
    confidence: 0.7,
    chain: true,
  },
  {
    id: 'name-age-of-place',
    type: 'LIVES_IN',
    pattern: 'PER:s , ~num , of|from LOC:o',
    confidence: 0.75,
    chain: true,
  },
  {
    id: 'country-role-name',
    type: 'CITIZEN_OF',
    pattern: "LOC:o 's? ~adj? *3 ~role ,? PER:s",
    confidence: 0.7,
    objectIsCountry: true,
  },
  {
    id: 'nationality-role-name',
    type: 'CITIZEN_OF',
    pattern: 'NAT:o ~adj? *2 ~role PER:s',
    confidence: 0.7,
    coordinateSubject: true,
  },
  {
    id: 'nationality-group-names',
    type: 'CITIZEN_OF',
    pattern: 'NAT:o duo|pair|trio|national|citizen PER:s',
    confidence: 0.7,
    coordinateSubject: true,
  },
  { id: 'nationality-name', type: 'CITIZEN_OF', pattern: 'the|a|an NAT:o PER:s', confidence: 0.6 },
  {
    id: 'name-country-paren',
    type: 'CITIZEN_OF',
    pattern: 'PER:s ( LOC:o )',
    confidence: 0.7,
    objectIsCountry: true,
  },
  {
    id: 'names-country-paren',
    type: 'CITIZEN_OF',
    pattern: 'PER:s and PER ( LOC:o )',
    confidence: 0.65,
    objectIsCountry: true,
  },
  {
    id: 'role-of-place',
    type: 'LIVES_IN',
    pattern: 'PER:s , the|a|an? ~adj? *2 ~role *2 of|for LOC:o',
    confidence: 0.65,
    objectIsTown: true,
  },
  { id: 'died-in', type: 'LIVES_IN', pattern: 'PER:s died *3 in LOC:o', confidence: 0.5, chain: true },
  {
    id: 'place-native-name',
    type: 'LIVES_IN',
    pattern: "LOC:o 's? native son|daughter? PER:s",
    confidence: 0.75,
  },
  {
    id: 'name-a-place-native',
    type: 'LIVES_IN',
    pattern: 'PER:s ,|is|was %8 a|an LOC:o native',
    confidence: 0.75,
  },
  {
    id: 'country-possessive-person',
    type: 'CITIZEN_OF',
    pattern: "LOC:o 's ~adj? *2 PER:s",
    confidence: 0.7,
    objectIsCountry: true,
  },
  {
    id: 'role-name-in-place',
    type: 'LIVES_IN',
    pattern: '~role PER:s in LOC:o',
    confidence: 0.55,
    chain: true,
  },
  {
    id: 'name-of-country',
    type: 'CITIZEN_OF',
    pattern: 'PER:s of LOC:o',
    confidence: 0.65,
    objectIsCountry: true,
  },
  {
    id: 'names-of-country',
    type: 'CITIZEN_OF',
    pattern: 'PER:s and PER of LOC:o',
    confidence: 0.6,
    objectIsCountry: true,
  },
  {
    id: 'name-of-place-short',
    type: 'LIVES_IN',
    pattern: 'PER:s of LOC:o',
    confidence: 0.6,
    objectIsTown: true,
  },
  { id: 'native-place', type: 'LIVES_IN', pattern: 'PER:s %10 his|her native LOC:o', confidence: 0.6 },
  {
    id: 'person-based-in',
    type: 'LIVES_IN',
    pattern: 'PER:s , %8 , based in LOC:o',
    confidence: 0.6,
    chain: true,
  },
  { id: 'name-place-role', type: 'CITIZEN_OF', pattern: "PER:s , LOC:o 's ~adj? *2 ~role", confidence: 0.7 },
  { id: 'role-of-place-name', type: 'LIVES_IN', pattern: '~role of LOC:o , PER:s', confidence: 0.65 },
  {
    id: 'is-from',
    type: 'LIVES_IN',
    pattern: 'PER:s is|was|are|comes|came from LOC:o',
    confidence: 0.7,
    chain: true,
  },
  { id: 'comma-of-place', type: 'LIVES_IN', pattern: 'PER:s , of LOC:o', confidence: 0.7, chain: true },
  {
    id: 'name-a-place-resident',
    type: 'LIVES_IN',
    pattern: 'PER:s , [ ~num , ]? a|an|the ~adj? LOC:o [ , LOC ]? ,? ~adj? *1 ~resident',
    confidence: 0.7,
    chain: true,
    objectIsTown: true,
  },
  {
    id: 'name-a-country-resident',
    type: 'CITIZEN_OF',
    pattern: 'PER:s , [ ~num , ]? a|an|the ~adj? LOC:o ~adj? *1 ~resident',
    confidence: 0.7,
    objectIsCountry: true,
  },
  {
    id: 'place-resident-name',
    type: 'LIVES_IN',
    pattern: 'LOC:o ~adj? ~resident PER:s',
    confidence: 0.65,
    objectIsTown: true,
  },
  {
    id: 'country-resident-name',
    type: 'CITIZEN_OF',
    pattern: 'LOC:o ~adj? ~resident PER:s',
    confidence: 0.65,
    objectIsCountry: true,
  },
  { id: 'place-born-name', type: 'BORN_IN', pattern: 'LOC:o -? born ~adj? *2 PER:s', confidence: 0.75 },
  {
    id: 'place-based-person',
    type: 'LIVES_IN',
    pattern: 'LOC:o - based ~adj? *2 PER:s',
    confidence: 0.7,
  },
  {
    id: 'name-a-place-based',
    type: 'LIVES_IN',
    pattern: 'PER:s , a|an|the? ~adj? *2 LOC:o - based',
    confidence: 0.7,
  },
  { id: 'country-name', type: 'CITIZEN_OF', pattern: 'LOC:o PER:s', confidence: 0.6, objectIsCountry: true },
  {
    id: 'name-role-of-country',
    type: 'CITIZEN_OF',
    pattern: 'PER:s ,? the|a|an? ~adj? *2 ~role of LOC:o',
    confidence: 0.65,
    objectIsCountry: true,
  },
  // --- killing --------------------------------------------------------------------------------------------
  { id: 'killed', type: 'KILLED', pattern: 'PER:s , who? *4 ~kill PER:o', confidence: 0.85 },
  { id: 'killed-direct', type: 'KILLED', pattern: 'PER:s *5 ~kill PER:o', confidence: 0.8 },
  {
    id: 'killed-by',
    type: 'KILLED',
    pattern: 'PER:o was|were|been *2 ~kill %16 by *2 PER:s',
    confidence: 0.85,
  },
  {
    id: 'who-was-killed-by',
    type: 'KILLED',
    pattern: 'PER:o , who had|has? *1 was|were|been *2 ~kill %8 by *2 PER:s',
    confidence: 0.8,
  },
  {
    id: 'killed-on-orders-of',
    type: 'KILLED',
    pattern: 'PER:o [ , %4 , ]? was|were|been ~kill on the orders|order|instructions of %4 PER:s',
    confidence: 0.75,
  },
  {
    id: 'fired-the-shot-that-killed',
    type: 'KILLED',
    pattern: 'PER:s %6 fired the|a ~adj? *1 shot|shots|bullet|bullets that ~kill PER:o',
    confidence: 0.75,
  },
  {
    id: 'killed-the-killer',
    type: 'KILLED',
    pattern: 'PER:s , who? *4 ~kill PER ~killer PER:o',
    confidence: 0.8,
  },
  {
    id: 'killing-of-by',
    type: 'KILLED',
    pattern: 'PER:s *10 ~killing of *3 PER:o',
    confidence: 0.7,
    coordinate: true,
  },
  {
    id: 'killing-of-by-passive',
    type: 'KILLED',
    pattern: '~killing *3 of PER:o by %4 PER:s',
    confidence: 0.85,
  },
  { id: 'killer-of', type: 'KILLED', pattern: "PER:o 's? ~killer ,? PER:s", confidence: 0.85 },
  { id: 'name-killer-of', type: 'KILLED', pattern: 'PER:s , the? *2 ~killer of *3 PER:o', confidence: 0.8 },
  {
    id: 'convicted-of-killing',
    type: 'KILLED',
    pattern: 'PER:s , who? *3 convicted|accused|charged of|with ~killing *3 PER:o',
    confidence: 0.75,
  },
  { id: 'killing-possessive', type: 'KILLED', pattern: "PER:o 's ~killing by PER:s", confidence: 0.8 },
  { id: 'pronoun-killed', type: 'KILLED', pattern: 'PER:s *10 he|she *2 ~kill PER:o', confidence: 0.6 },
  { id: 'by-assassin', type: 'KILLED', pattern: 'PER:o %8 by ~killer PER:s', confidence: 0.75 },
  { id: 'killed-later', type: 'KILLED', pattern: 'PER:s *8 ~kill *3 PER:o', confidence: 0.65 },
  { id: 'fired-at', type: 'KILLED', pattern: 'PER:s *3 fired|firing *6 at PER:o', confidence: 0.6 },
  { id: 'named-killing', type: 'KILLED', pattern: "PER:s %10 the PER:o 's? ~killing", confidence: 0.6 },
  // --- organisations and places ---------------------------------------------------------------------------
  { id: 'place-based-org', type: 'BASED_IN', pattern: 'LOC|NAT:o - based *4 ORG:s', confidence: 0.9 },
  {
    id: 'org-a-place-based',
    type: 'BASED_IN',
    pattern: 'ORG:s , a|an|the ~adj? *2 LOC:o - based',
    confidence: 0.9,
  },
  {
    id: 'org-based-in',
    type: 'BASED_IN',
    pattern: 'ORG:s , *3 based|headquartered|located in LOC:o',
    confidence: 0.85,
    chain: true,
  },
  {
    id: 'org-is-based-in',
    type: 'BASED_IN',
    pattern: 'ORG:s *3 is|are|was based|headquartered|located in LOC:o',
    confidence: 0.85,
    chain: true,
  },
  {
    id: 'org-headquarters-in',
    type: 'BASED_IN',
    pattern: "ORG:s 's|’s? ~adj? headquarters|hq|headquarter *2 in|at ~adj? LOC:o",
    confidence: 0.75,
    chain: true,
  },

  {
    id: 'org-nationality',
    type: 'BASED_IN',
    pattern: 'ORG:s , a|an|another ~adj? ,? %4 NAT:o *3 ~orgnoun',
    confidence: 0.75,
  },
  { id: 'org-in-place', type: 'BASED_IN', pattern: 'ORG:s in LOC:o', confidence: 0.55 },
  {
    id: 'org-country-paren',
    type: 'BASED_IN',
    pattern: 'ORG:s ( LOC:o )',
    confidence: 0.7,
    objectIsCountry: true,
  },
  {
    id: 'place-possessive-kind-org',
    type: 'BASED_IN',
    pattern: "LOC:o 's|’s *3 ~orgnoun ORG:s",
    confidence: 0.65,
  },
  {
    id: 'nationality-kind-org',
    type: 'BASED_IN',
    pattern: 'NAT:o *3 ~orgnoun ORG:s',
    confidence: 0.65,
  },
  {
    id: 'org-the-nationality-kind',
    type: 'BASED_IN',
    pattern: 'ORG:s , the ~adj? *2 NAT:o *3 ~orgnoun',
    confidence: 0.7,
  },
  {
    id: 'org-appositive-place-kind',
    type: 'BASED_IN',
    pattern: 'ORG:s , a|an|the LOC:o %6 ~orgnoun',
    confidence: 0.7,
    coordinate: true,
  },
  {
    id: 'org-appositive-kind-in-place',
    type: 'BASED_IN',
    pattern: 'ORG:s , a|an|the ~adj? *4 ~orgnoun in|of LOC:o',
    confidence: 0.7,
  },
  { id: 'org-of-place', type: 'BASED_IN', pattern: 'ORG:s of LOC:o', confidence: 0.6, chain: true },
  { id: 'place-possessive-org', type: 'BASED_IN', pattern: "LOC:o 's ORG:s", confidence: 0.65 },
  {
    id: 'dateline',
    type: 'BASED_IN',
    pattern: '^ *1 LOC:o *1 ORG:s',
    confidence: 0.5,
    objectIsNotShouted: true,
  },
  {
    id: 'dateline-paren',
    type: 'BASED_IN',
    pattern: '^ *1 LOC:o [ , LOC ]? ( ORG:s )',
    confidence: 0.7,
    chain: true,
    objectIsNotShouted: true,
  },
  {
    id: 'dateline-dated-paren',
    type: 'BASED_IN',
    pattern: '^ *1 LOC:o , %4 ( ORG:s )',
    confidence: 0.65,
    objectIsNotShouted: true,
  },
  {
    id: 'monitoring-source',
    type: 'BASED_IN',
    pattern: 'LOC:o ORG:s in NAT',
    confidence: 0.65,
  },
  { id: 'nationality-org', type: 'BASED_IN', pattern: 'NAT:o ORG:s', confidence: 0.5 },
  { id: 'country-org', type: 'BASED_IN', pattern: 'LOC:o ORG:s', confidence: 0.6, objectIsRegion: true },
  // --- places in places -----------------------------------------------------------------------------------
  {
    id: 'town-comma-state',
    type: 'LOCATED_IN',
    pattern: 'LOC:s , LOC:o',
    confidence: 0.8,
    objectIsRegion: true,
  },
  { id: 'place-in-place', type: 'LOCATED_IN', pattern: 'LOC:s is|lies *2 in LOC:o', confidence: 0.75 },
  {
    id: 'town-state-at-venue',
    type: 'LOCATED_IN',
    pattern: 'LOC:o , LOC @|at LOC:s',
    confidence: 0.7,
    subjectIsLocal: true,
  },
  {
    id: 'venue-aka-town-state',
    type: 'LOCATED_IN',
    pattern: 'LOC:s ( %5 ) , LOC:o , LOC',
    confidence: 0.7,
    objectBeforeRegion: true,
    subjectIsLocal: true,
  },
  {
    id: 'venue-town-state',
    type: 'LOCATED_IN',
    pattern: 'LOC:s , LOC:o , LOC',
    confidence: 0.75,
    objectBeforeRegion: true,
    subjectIsLocal: true,
  },
  {
    id: 'local-place-in-place',
    type: 'LOCATED_IN',
    pattern: 'LOC:s ,? in|at the? LOC:o',
    confidence: 0.6,
    subjectIsLocal: true,
  },
  { id: 'place-possessive-place', type: 'LOCATED_IN', pattern: "LOC:o 's LOC:s", confidence: 0.6 },
  {
    id: 'place-in-region',
    type: 'LOCATED_IN',
    pattern: 'LOC:s in|of ~adj? LOC:o',
    confidence: 0.6,
    objectIsRegion: true,
  },
  {
    id: 'place-in-province',
    type: 'LOCATED_IN',
    pattern: 'LOC:s in|of ~adj? LOC:o province|state|region|county|prefecture|district',
    confidence: 0.7,
  },
  {
    id: 'province-of',
    type: 'LOCATED_IN',
    pattern: "LOC:o 's ~adj? *2 province|region|state|city|town|district|capital|island of LOC:s",
    confidence: 0.75,
  },
  {
    id: 'place-a-town-in',
    type: 'LOCATED_IN',
    // "the town of X" names X: only a part or a seat is "of" the place that contains it.
    pattern:
      'LOC:s , *6 city|cities|town|towns|village|province|state|capital|region|port|area|nation|country|island|suburb|county|neighborhood|neighbourhood in *3 LOC:o',
    confidence: 0.65,
  },
  {
    id: 'place-in-part-of',
    type: 'LOCATED_IN',
    pattern:
      'LOC:s ,? in|on the ~adj? *2 part|parts|region|corner|area|outskirts|suburbs|heart|center|centre|edge of LOC:o',
    confidence: 0.7,
  },
  {
    id: 'place-the-capital-of',
    type: 'LOCATED_IN',
    pattern:
      'LOC:s , *4 capital|province|state|region|part|suburb|suburbs|county|district|island of *3 LOC:o',
    confidence: 0.65,
  },
  {
    id: 'place-possessive-capital',
    type: 'LOCATED_IN',
    pattern: "LOC:o 's|’s ~adj? *1 capital|city|port|province|region|state|island|town|county ,? LOC:s",
    confidence: 0.7,
  },
  // --- organisations and organisations --------------------------------------------------------------------
  {
    id: 'which-owns',
    type: 'OWNS',
    pattern: 'ORG:s , *3 which|that owns|controls|operates the? ORG:o',
    confidence: 0.8,
    coordinate: true,
  },
  {
    id: 'parent-company',
    type: 'OWNS',
    pattern: "ORG:o 's|’s parent company|group|parent ,? ORG:s",
    confidence: 0.8,
  },
  {
    id: 'the-parent-of',
    type: 'OWNS',
    pattern: "ORG:s , ORG:o 's|’s parent",
    confidence: 0.8,
  },
  {
    id: 'owner-of',
    type: 'OWNS',
    pattern: 'ORG:s , the|a|its ~adj? owner|parent of the? ORG:o',
    confidence: 0.75,
    coordinate: true,
  },
  {
    id: 'unit-of',
    type: 'OWNS',
    pattern: 'ORG:o , a|an ~adj? unit|subsidiary|division|arm|affiliate of the? ORG:s',
    confidence: 0.8,
  },
  {
    id: 'its-service',
    type: 'OWNS',
    pattern: 'ORG:s *6 its ORG:o ~noun',
    confidence: 0.6,
  },
  {
    id: 'org-possessive-org',
    type: 'OWNS',
    pattern: "ORG:s 's|’s ORG:o",
    confidence: 0.55,
  },
  {
    id: 'founded-by',
    type: 'FOUNDED',
    pattern: 'ORG:o , %6 founded|co-founded|cofounded|established|started by %4 PER:s',
    confidence: 0.75,
    coordinateSubject: true,
  },
  {
    id: 'founders-names',
    type: 'FOUNDED',
    pattern: 'ORG:o *8 founders|co-founders PER:s',
    confidence: 0.65,
    coordinateSubject: true,
  },
  {
    id: 'partnership-between',
    type: 'PARTNERS_WITH',
    pattern:
      'partnership|alliance|venture|agreement|deal|collaboration|relationship between the? ORG:s and the? ORG:o',
    confidence: 0.75,
    label: 'partnership',
  },
  {
    id: 'merger-of',
    type: 'PARTNERS_WITH',
    pattern: 'merger of|between the? *4 ORG:s and the? ORG:o',
    confidence: 0.75,
    label: 'merger',
  },
  {
    id: 'belongs-to',
    type: 'OWNS',
    pattern: 'ORG:o , *6 that|which belongs|belonged to the? ORG:s',
    confidence: 0.8,
  },
  {
    id: 'acquired',
    type: 'ACQUIRED',
    pattern: 'ORG|PER:s *2 acquired|bought|purchased|acquires|buys the? ORG:o',
    confidence: 0.75,
  },
  {
    id: 'shareholder-of',
    type: 'INVESTS_IN',
    pattern: 'ORG|PER:s , the|a|an|its ~adj? *2 shareholder|investor|backer|stakeholder of|in the? ORG:o',
    confidence: 0.7,
  },
  {
    id: 'is-shareholder-of',
    type: 'INVESTS_IN',
    pattern:
      'ORG|PER:s *2 is|was|became|remains|become the|a|an ~adj? *2 shareholder|investor|backer of|in the? ORG:o',
    confidence: 0.7,
  },
  {
    id: 'org-investor-name',
    type: 'INVESTS_IN',
    pattern: "ORG:o 's? investor|shareholder|backer ORG|PER:s",
    confidence: 0.65,
  },
  {
    id: 'purchase-of',
    type: 'ACQUIRED',
    pattern: "ORG|PER:s 's purchase|acquisition|takeover|buyout of the? ORG:o",
    confidence: 0.7,
    coordinate: true,
  },
  {
    id: 'sold-to',
    type: 'ACQUIRED',
    pattern: 'sold|selling|sells|sell the? ORG:o to the? ORG|PER:s',
    confidence: 0.65,
  },
  {
    id: 'invests-in',
    type: 'INVESTS_IN',
    pattern: 'ORG|PER:s *3 invests|invested|investing in ORG:o',
    confidence: 0.7,
  },
  { id: 'involved-in', type: 'INVESTS_IN', pattern: 'PER:s *3 are|is involved in ORG:o', confidence: 0.6 },
  { id: 'listed-on', type: 'LISTED_ON', pattern: 'ORG:s , a|an ~adj? ,? ORG:o - listed', confidence: 0.8 },
  {
    id: 'listed-on-verb',
    type: 'LISTED_ON',
    pattern: 'ORG:s *3 is|are listed|traded on the? ORG:o',
    confidence: 0.8,
  },
  {
    id: 'agreed-with-to',
    type: 'PARTNERS_WITH',
    pattern: 'ORG:s agreed|agrees|signed *3 with ORG:o to ~verb a|an? [ *2 ~orgnoun ]:l',
    confidence: 0.75,
  },
  {
    id: 'signed-memorandum',
    type: 'PARTNERS_WITH',
    pattern: 'ORG:s signed a memorandum of understanding with %10 ORG:o',
    confidence: 0.75,
    label: 'memorandum of understanding',
    coordinate: true,
  },
  {
    id: 'partnership-with',
    type: 'PARTNERS_WITH',
    pattern: 'ORG:s *4 partnership|alliance|venture|agreement with ORG:o',
    confidence: 0.6,
    label: 'partnership',
  },
  {
    id: 'owned-by',
    type: 'OWNS',
    // "the retail site owned by": a noun right before the verb keeps out "not owned by", "said to be owned by".
    pattern: 'ORG:o , the|a|an ~adj? *2 ~noun owned|controlled by the? ORG|PER:s',
    confidence: 0.75,
  },
  {
    id: 'is-owned-by',
    type: 'OWNS',
    pattern:
      'ORG:o ,? which|that? is|are|was|were wholly|partly|majority|jointly|now|also? owned|controlled by the? ORG|PER:s',
    confidence: 0.75,
  },
  {
    id: 'is-a-unit-of',
    type: 'OWNS',
    pattern:
      'ORG:o is|was|became|remains a|an|the ~adj? *2 unit|subsidiary|division|arm|affiliate of the? ORG:s',
    confidence: 0.8,
  },
  {
    id: 'partnered-with',
    type: 'PARTNERS_WITH',
    pattern: 'ORG:s has|have|had? partnered|teamed up? with the? ORG:o',
    confidence: 0.7,
    label: 'partnership',
  },
  {
    id: 'signed-deal-with',
    type: 'PARTNERS_WITH',
    pattern:
      'ORG:s has|have? signed|inked|struck|finalized|finalised|reached|sealed a|an|its|their|the *3 deal|agreement|contract|pact|partnership with the? ORG:o',
    confidence: 0.7,
    label: 'deal',
  },
  {
    id: 'agreed-to-buy',
    type: 'ACQUIRED',
    pattern: 'ORG|PER:s has|have? agreed|agrees to buy|acquire|purchase the? ORG:o',
    confidence: 0.75,
  },
  {
    id: 'completed-acquisition-of',
    type: 'ACQUIRED',
    pattern:
      'ORG|PER:s has|have? completed|completes|closed|finalized|finalised its|the|a? ~adj? acquisition|purchase|takeover of the? ORG:o',
    confidence: 0.75,
  },
];
