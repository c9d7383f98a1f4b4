package org.hostwright.platform;

/**
 * What any module may know about the signed-in principal without depending on the
 * accounts module (which implements it).
 */
public interface AuthenticatedUser {

	long id();

	String email();

	String displayName();

	boolean admin();

}
