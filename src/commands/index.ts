// Every command of the extension, listed once. package.json's contributes.commands lists the same ids (a test
// checks both ways); registry.ts registers them.
import { importCredentials } from './account/importCredentials';
import { signIn } from './account/signIn';
import { signOut } from './account/signOut';
import { switchProfile } from './account/switchProfile';
import { openDashboard } from './dashboard';
import { exportList } from './export';
import { checkOnline } from './live/checkOnline';
import { filterMessages, setGroupStatus } from './live/listChoices';
import { copyAppId, copyAsCode, copyGroupId, copyUserId, insertId, openJson } from './copy';
import { browseCreatorGroups, browseUserGroups } from './legacy/browseUser';
import { addApp, addUser, removeApp, removeUser } from './legacy/configured';
import { findMember } from './legacy/findMember';
import { showMessages } from './legacy/showMessages';
import { showDetails } from './lookup/details';
import { pin, unpin } from './pins';
import { findGroup } from './lookup/findGroup';
import { findInExplorer } from './lookup/findInExplorer';
import { goToApp } from './lookup/goToApp';
import { revealInExplorer } from './lookup/reveal';
import { searchMembers } from './lookup/searchMembers';
import type { Command } from './registry';
import { clearFilter, filter, searchFurther } from './view/filter';
import { loadAll, loadMore, resumeLoad, retry } from './view/paging';
import { setPageSize, sortAscending, sortDescending } from './view/settings';
import { refresh, showLog } from './view/view';
import { disableApp, enableApp } from './write/app';
import { createGroup, deleteGroup, deleteMessage, kickMember, recoverGroup } from './write/groups';
import { muteAll, muteMember, showMutedMembers, unmuteAll, unmuteMember } from './write/mute';
import { sendTestMessage } from './write/send';

export const COMMANDS: readonly Command[] = [
  signIn,
  importCredentials,
  switchProfile,
  signOut,
  refresh,
  loadMore,
  loadAll,
  resumeLoad,
  retry,
  sortAscending,
  sortDescending,
  setPageSize,
  addApp,
  removeApp,
  addUser,
  removeUser,
  copyAppId,
  copyGroupId,
  copyUserId,
  copyAsCode,
  insertId,
  openJson,
  exportList,
  findGroup,
  findInExplorer,
  revealInExplorer,
  findMember,
  goToApp,
  showDetails,
  showMessages,
  searchMembers,
  browseUserGroups,
  browseCreatorGroups,
  filter,
  clearFilter,
  searchFurther,
  showLog,
  setGroupStatus,
  filterMessages,
  checkOnline,
  openDashboard,
  pin,
  unpin,
  showMutedMembers,
  sendTestMessage,
  muteAll,
  unmuteAll,
  muteMember,
  unmuteMember,
  kickMember,
  createGroup,
  deleteGroup,
  recoverGroup,
  deleteMessage,
  disableApp,
  enableApp,
];
