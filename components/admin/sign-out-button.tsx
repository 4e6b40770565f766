// A sign-out button for the back office's header: a plain form, so it works without JavaScript.
import { SubmitButton } from '@/components/form/submit-button';
import { signOut } from '@/lib/admin/sign-out';

export function SignOutButton({ className = '' }: { className?: string }) {
  return (
    <form action={signOut}>
      <SubmitButton variant="secondary" small className={`text-sm ${className}`}>
        Sign out
      </SubmitButton>
    </form>
  );
}
