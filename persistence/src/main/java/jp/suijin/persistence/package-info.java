/**
 * JPA entities and the attribute converters they share. The schema itself is owned by the Flyway
 * migrations under {@code db/migration}; EclipseLink generates no DDL.
 */
package jp.suijin.persistence;
