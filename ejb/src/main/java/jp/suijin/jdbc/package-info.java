/** Small JDBC helpers shared by the services that write with plain JDBC on hot paths. */
package jp.suijin.jdbc;
