/**
 * Kernel of the service's resilience, used by every capability and depending on none: noticing a
 * database outage (one warning when it starts, one when it ends), the exception that answers it,
 * and logging an unexpected error once with a count of its repeats.
 */
package jp.suijin.resilience;
