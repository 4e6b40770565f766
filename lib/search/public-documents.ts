// What "public" means in raw SQL, in one place: published and not deleted. Mirrors PUBLISHED in lib/data.
import 'server-only';
import { sql } from '@/lib/db';

/** A condition on the Document row aliased `d`. */
export const isPublicDocument = sql`d.status = 'published' AND d.deletedAt IS NULL`;
