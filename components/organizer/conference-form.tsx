'use client';

import { Field } from '../forms/field';
import { FormAlert } from '../forms/form-alert';
import type { FormAction } from '../forms/result';
import { useForm } from '../forms/use-form';
import { FormActions } from './form-actions';
import styles from './organizer.module.css';

type Props = {
  readonly action: FormAction;
  readonly commandId: string;
  /** Creating asks who the owner is and for the slug; editing keeps both. */
  readonly mode: 'create' | 'edit';
  readonly initial?: Readonly<Record<string, string>>;
  readonly cancelHref: string;
};

const ownerFields = ['ownerName', 'ownerEmail', 'slug'];
const detailFields = ['name', 'tagline', 'location', 'description', 'startDate', 'endDate'];

export function ConferenceForm({ action, commandId, mode, initial = {}, cancelHref }: Props) {
  const { state, pending, errorOf, form } = useForm(action);
  const field = (name: string) => ({ name, defaultValue: initial[name] ?? '', error: errorOf(name) });
  const creating = mode === 'create';
  return (
    <form {...form} className={`card ${styles.formCard}`}>
      <input type="hidden" name="commandId" value={commandId} />
      {creating ? (
        <fieldset className="form-grid" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className={styles.srOnly}>You</legend>
          <Field {...field('ownerName')} label="Your name" autoComplete="name" />
          <Field {...field('ownerEmail')} label="Your email" type="email" autoComplete="email" />
        </fieldset>
      ) : null}
      <Field {...field('name')} label="Conference name" />
      {creating ? (
        <Field {...field('slug')} label="Slug" hint="Lowercase letters, digits and dashes: the conference's web address." autoComplete="off" />
      ) : null}
      <Field {...field('tagline')} label="Tagline" hint="Optional: one line under the name." />
      <Field {...field('location')} label="Location" />
      <Field {...field('description')} label="Description" multiline />
      <div className="form-grid">
        <Field {...field('startDate')} label="Start date" type="date" />
        <Field {...field('endDate')} label="End date" type="date" />
      </div>
      <FormAlert
        state={state}
        fields={creating ? [...ownerFields, ...detailFields] : detailFields}
        pending={pending}
        pendingText={creating ? 'Creating your conference…' : 'Saving your changes…'}
      />
      <FormActions submit={creating ? 'Create conference' : 'Save changes'} pending={pending} cancelHref={cancelHref} />
    </form>
  );
}
