package io.github.cerebras4j.client;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.github.cerebras4j.client.core.CerebrasRequest;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of the client, checked on its compiled classes: entry points (templates, builder, streams, resources)
 * on top; the endpoint packages (requests and responses of chat, completions, models) below them; observation and
 * retry below those; a kernel of shared values, errors and JSON at the bottom; the transport is used only by the entry
 * points and is the only code that touches Reactor Netty (but for the builder's customizer of the Reactor Netty
 * {@code HttpClient}); no other public API exposes it; request types are made only by their builders.
 */
class ArchitectureTests {

	private static final String CLIENT = "io.github.cerebras4j.client";

	private static final String TRANSPORT = CLIENT + ".internal.transport..";

	private static final String CUSTOMIZER = CerebrasClientBuilder.class.getName() + ".httpClientCustomizer";

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(CLIENT);

	@Test
	void packagesHaveNoCycles() {
		slices().matching("io.github.cerebras4j.(**)").should().beFreeOfCycles().check(MAIN);
	}

	@Test
	void layersDependOnlyDownwards() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("Entry points").definedBy(CLIENT)
			.layer("Endpoints").definedBy(CLIENT + ".chat..", CLIENT + ".completions..", CLIENT + ".models..")
			.layer("Transport").definedBy(TRANSPORT)
			.layer("Observation, retry and throttle")
				.definedBy(CLIENT + ".observation..", CLIENT + ".retry..", CLIENT + ".throttle..")
			.layer("Kernel").definedBy(CLIENT + ".core..", CLIENT + ".error..", CLIENT + ".internal")
			.whereLayer("Entry points").mayNotBeAccessedByAnyLayer()
			.whereLayer("Endpoints").mayOnlyBeAccessedByLayers("Entry points")
			.whereLayer("Transport").mayOnlyBeAccessedByLayers("Entry points")
			.whereLayer("Observation, retry and throttle").mayOnlyBeAccessedByLayers("Entry points", "Transport")
			.whereLayer("Kernel").mayOnlyBeAccessedByLayers("Entry points", "Endpoints", "Transport",
					"Observation, retry and throttle")
			.check(MAIN);
	}

	@Test
	void onlyTheTransportTouchesNetty() {
		classes().that()
			.resideOutsideOfPackage(TRANSPORT)
			.should(ArchConditions.onlyHaveDependenciesWhere(DescribedPredicate.describe(
					"the target is neither Netty nor Reactor Netty, but for the builder's HttpClient customizer",
					(Dependency dependency) -> !isNetty(dependency.getTargetClass())
							|| isTheHttpClientCustomizer(dependency))))
			.check(MAIN);
	}

	@Test
	void publicApiExposesNoInternalOrNettyType() {
		classes().that()
			.arePublic()
			.and()
			.resideOutsideOfPackage(CLIENT + ".internal..")
			.should(exposeOnlyPublicApiTypes())
			.check(MAIN);
	}

	@Test
	void requestTypesAreMadeOnlyByTheirBuilders() {
		constructors().that()
			.areDeclaredInClassesThat()
			.implement(CerebrasRequest.class)
			.should()
			.notBePublic()
			.because("an optional field the API adds must be a new builder method, never a broken caller")
			.check(MAIN);
	}

	@Test
	void publicApiExtendsNoInternalType() {
		classes().that()
			.arePublic()
			.and()
			.resideOutsideOfPackage(CLIENT + ".internal..")
			.should()
			.notBeAssignableTo(DescribedPredicate.describe("an internal, Netty or Reactor Netty type", ArchitectureTests::isHidden))
			.check(MAIN);
	}

	private static ArchCondition<JavaClass> exposeOnlyPublicApiTypes() {
		return new ArchCondition<>("expose no internal, Netty or Reactor Netty type in a public or protected member") {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				Stream.concat(type.getMethods().stream(), Stream.concat(type.getConstructors().stream(),
						type.getFields().stream()))
					.filter(ArchitectureTests::isVisible)
					.forEach(member -> exposedTypes(member).stream()
						.filter(ArchitectureTests::isHidden)
						.filter((hidden) -> !isTheHttpClientCustomizer(member, hidden))
						.forEach(hidden -> events.add(SimpleConditionEvent.violated(member,
								member.getFullName() + " exposes " + hidden.getName()))));
			}

		};
	}

	private static boolean isVisible(JavaMember member) {
		Set<JavaModifier> modifiers = member.getModifiers();
		return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
	}

	private static Set<JavaClass> exposedTypes(JavaMember member) {
		if (member instanceof JavaField field) {
			return field.getType().getAllInvolvedRawTypes();
		}
		JavaCodeUnit codeUnit = (JavaCodeUnit) member;
		Set<JavaClass> types = new HashSet<>(codeUnit.getReturnType().getAllInvolvedRawTypes());
		for (JavaType parameter : codeUnit.getParameterTypes()) {
			types.addAll(parameter.getAllInvolvedRawTypes());
		}
		return types;
	}

	private static boolean isHidden(JavaClass type) {
		return type.getPackageName().startsWith(CLIENT + ".internal") || isNetty(type);
	}

	private static boolean isNetty(JavaClass type) {
		String name = type.getPackageName();
		return name.startsWith("reactor.netty") || name.startsWith("io.netty");
	}

	/*
	 * The one exception to both Netty rules, made on purpose: CerebrasClientBuilder.httpClientCustomizer(..) takes a
	 * UnaryOperator<reactor.netty.http.client.HttpClient>, and keeps it in a field of that name, so that an
	 * application can reach the Reactor Netty client for what the builder has no setting for. Only that member, and
	 * only HttpClient: any other Netty type there, or HttpClient anywhere else, still breaks the rules.
	 */

	private static boolean isTheHttpClientCustomizer(Dependency dependency) {
		return dependency.getOriginClass().isEquivalentTo(CerebrasClientBuilder.class)
				&& dependency.getTargetClass().isEquivalentTo(HttpClient.class)
				&& (dependency.getDescription().contains("<" + CUSTOMIZER + ">")
						|| dependency.getDescription().contains("<" + CUSTOMIZER + "(java.util.function.UnaryOperator)>"));
	}

	private static boolean isTheHttpClientCustomizer(JavaMember member, JavaClass exposed) {
		return member.getFullName().equals(CUSTOMIZER + "(java.util.function.UnaryOperator)")
				&& exposed.isEquivalentTo(HttpClient.class);
	}

}
