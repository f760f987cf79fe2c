/**
 * The web module: PrimeFaces pages and their views, the JAX-RS APIs for field devices, the
 * authentication mechanism and servlet filters. Views call EJB services and hold no business rules.
 */
package jp.suijin.web;
