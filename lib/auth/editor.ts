// Who is signed in to the back office, as every editorial function sees them.
export type EditorRole = 'editor' | 'admin';

export interface Editor {
  id: string;
  name: string;
  email: string;
  role: EditorRole;
}
