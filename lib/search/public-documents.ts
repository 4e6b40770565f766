// What "public" means in raw SQL, in one place: published and not deleted. Mirrors PUBLISHED in lib/data.
import { Prisma } from '@/lib/generated/prisma/client';

/** A condition on the Document row aliased `d`. */
export const isPublicDocument = Prisma.sql`d.status = 'published' AND d.deletedAt IS NULL`;
