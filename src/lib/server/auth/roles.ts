/**
 * The session user as the guards see it. The roles and what each may do live in one table,
 * `$lib/roles` (pure, shared with the pages, the workflow and the CLI); re-exported here so server
 * code has one import for both.
 */
import type { Role } from '../../roles';

export {
	CAPABILITIES,
	hasRole,
	importKindsFor,
	isRole,
	may,
	mayEditProgramme,
	mayEditTargets,
	mayEditValues,
	mayReview,
	OPD_SCOPED,
	ROLES,
	type Capability,
	type Role
} from '../../roles';

export interface SessionUser {
	id: number;
	username: string;
	role: Role;
	opd: string | null;
}
