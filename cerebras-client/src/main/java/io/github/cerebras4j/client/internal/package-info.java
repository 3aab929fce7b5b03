/**
 * Internal checks and helpers shared by the client's packages. Not an API for applications: types here may change in
 * any release.
 */
@NullMarked
package io.github.cerebras4j.client.internal;

import org.jspecify.annotations.NullMarked;
