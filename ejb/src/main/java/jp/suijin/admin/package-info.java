/**
 * Administration of an organisation by its administrators: users, their roles and devices, and the
 * organisation's sign-in rules. Every method works only within the caller's own organisation.
 */
package jp.suijin.admin;
