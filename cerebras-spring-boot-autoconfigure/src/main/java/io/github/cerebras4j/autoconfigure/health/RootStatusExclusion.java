package io.github.cerebras4j.autoconfigure.health;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;

/**
 * Keeps a health contributor out of the root status ({@code /actuator/health}) while the groups that include it
 * ({@code management.endpoint.health.group.<name>.include}) still show it: {@code cerebras.health.include-in-root=false}.
 * Boot has no exclusion for the root group, so its membership test is wrapped.
 */
final class RootStatusExclusion implements HealthEndpointGroupsPostProcessor {

	private final String contributorName;

	RootStatusExclusion(String contributorName) {
		this.contributorName = contributorName;
	}

	@Override
	public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
		Map<String, HealthEndpointGroup> named = groups.getNames()
			.stream()
			.collect(Collectors.toMap(Function.identity(), groups::get));
		return HealthEndpointGroups.of(new WithoutContributor(groups.getPrimary(), this.contributorName), named);
	}

	private record WithoutContributor(HealthEndpointGroup group, String contributorName) implements HealthEndpointGroup {

		@Override
		public boolean isMember(String name) {
			boolean excluded = name.equals(this.contributorName) || name.startsWith(this.contributorName + "/");
			return !excluded && this.group.isMember(name);
		}

		@Override
		public boolean showComponents(SecurityContext securityContext) {
			return this.group.showComponents(securityContext);
		}

		@Override
		public boolean showDetails(SecurityContext securityContext) {
			return this.group.showDetails(securityContext);
		}

		@Override
		public StatusAggregator getStatusAggregator() {
			return this.group.getStatusAggregator();
		}

		@Override
		public HttpCodeStatusMapper getHttpCodeStatusMapper() {
			return this.group.getHttpCodeStatusMapper();
		}

		@Override
		public AdditionalHealthEndpointPath getAdditionalPath() {
			return this.group.getAdditionalPath();
		}

	}

}
