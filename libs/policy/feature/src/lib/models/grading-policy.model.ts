import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { JSONObjectScalar } from '@candor/platform-graphql';
import {
  PolicyCadenceStep,
  PolicyCategoryWeights,
  PolicyMetricGrading,
} from './policy-settings.model';
import { PolicyVersion } from './policy-version.model';

const minutes = (what: string) => ({ description: `${what} (minutes).` });

@ObjectType({
  description:
    'The grading policy in force: the default policy, then the latest consultancy-wide ' +
    "overrides, then (for a store) the store's latest overrides. Every setting of the scoring " +
    'specification, as the scoring engine uses it.',
})
export class GradingPolicy {
  @Field({
    description:
      'The name reports print: default-1 (no overrides), c<N> (consultancy version N), s<M> ' +
      '(store version M only) or c<N>.s<M>. A level whose latest version is empty is left out.',
  })
  version!: string;

  @Field({ description: 'The built-in policy everything starts from (default-1).' })
  defaultVersion!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The store this is the policy of; null: the consultancy-wide policy.',
  })
  storeId!: string | null;

  @Field(() => [PolicyVersion], {
    description:
      'The saved versions combined into this policy, consultancy first (empty: default).',
  })
  basedOn!: PolicyVersion[];

  @Field(() => JSONObjectScalar, {
    description:
      "The latest overrides of this level (the store's when storeId is set, else the " +
      "consultancy's), {} when none are saved. updatePolicy replaces this whole document.",
  })
  overrides!: Record<string, unknown>;

  @Field(() => Float, minutes('How close a recorded attempt must be to corroborate a claim'))
  corroborationWindowMin!: number;

  @Field(
    () => Float,
    minutes('How late a genuine attempt may follow a claim before it is a clock stop'),
  )
  clockStopGraceMin!: number;

  @Field(() => Float, {
    description: 'Shortest human-answered call that counts as connected (seconds).',
  })
  connectedMinSec!: number;

  @Field(() => Float, minutes('Grace after a due time for a task to count as on time'))
  taskGraceMin!: number;

  @Field(() => Float, {
    description: 'Genuine attempts a lead needs before closing it is not premature.',
  })
  minAttemptsBeforeClose!: number;

  @Field(() => Float, { description: 'Days after arrival before closing a lead is not premature.' })
  minDaysBeforeClose!: number;

  @Field(() => [String], {
    description: 'Close reasons exempt from the premature-close rule after two-way contact.',
  })
  exemptCloseReasons!: string[];

  @Field(() => Float, {
    description: 'Days without a genuine attempt after which an open lead is neglected.',
  })
  neglectDays!: number;

  @Field(() => [String], {
    description:
      'Filler comments (matched trimmed and lower-cased); an entry written /…/ is a regular expression.',
  })
  fillerPatterns!: string[];

  @Field(() => Float, { description: 'Characters a note needs to be substantive.' })
  substantiveNoteMinChars!: number;

  @Field(() => [String], { description: 'Words and phrases that mark a note as personal context.' })
  personalDetailLexicon!: string[];

  @Field({
    description: "Whether a recognizable voicemail must also leave one of the store's numbers.",
  })
  voicemailRequiresCallback!: boolean;

  @Field(() => Float, minutes("Half-width of the window around the lead's arrival time of day"))
  arrivalWindowMin!: number;

  @Field(() => Float, {
    description: 'Tasks per agent per business day above which a finding is raised.',
  })
  agentDailyTaskCapacity!: number;

  @Field(() => [PolicyCadenceStep], { description: 'The expected follow-up cadence, in order.' })
  cadence!: PolicyCadenceStep[];

  @Field(() => [String], {
    description: 'Lead kinds graded for responsiveness, clock stops and persistence.',
  })
  gradedLeadKinds!: string[];

  @Field(() => [String], { description: 'Free-mail providers named in personal-domain findings.' })
  freeMailDomains!: string[];

  @Field(() => [PolicyMetricGrading], {
    description: 'Grading of every metric, in report order (ungraded ones included).',
  })
  grading!: PolicyMetricGrading[];

  @Field(() => PolicyCategoryWeights, {
    description: 'Weight of each category in the overall score.',
  })
  categoryWeights!: PolicyCategoryWeights;
}
