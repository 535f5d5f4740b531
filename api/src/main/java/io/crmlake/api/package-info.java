/** The Spring Boot service over the serving catalog (see the service issue). */
package io.crmlake.api;
