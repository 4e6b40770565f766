// A sign-out button for the back office's header: a plain form, so it works without JavaScript.
import { signOut } from './actions';

export function SignOutButton({ className = '' }: { className?: string }) {
  return (
    <form action={signOut}>
      <button type="submit" className={`rounded-md border border-stone-300 px-3 py-1.5 text-sm dark:border-stone-700 ${className}`}>
        Sign out
      </button>
    </form>
  );
}
