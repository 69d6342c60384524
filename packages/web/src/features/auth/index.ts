export { AcceptInvitationPage } from './AcceptInvitationPage';
export { authKeys, meQueryOptions, useLogout } from './api';
export { SignInPage } from './SignInPage';
export { SignUpPage } from './SignUpPage';
export { SessionProvider, usePermissions, useSession } from './session';
