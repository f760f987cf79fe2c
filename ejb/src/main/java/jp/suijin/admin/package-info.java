/**
 * Administration of an organisation by its administrators: users, their roles and devices, the
 * organisation's sign-in rules, and its facilities with their field devices and measurement points.
 * Every method works only within the caller's own organisation.
 */
package jp.suijin.admin;
