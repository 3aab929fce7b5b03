package io.github.cerebras4j.client.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.bean.PropertyValueBuffer;
import tools.jackson.databind.introspect.AnnotatedWithParams;

/**
 * Makes Jackson create records through their canonical constructor by reflection. Jackson 3.1 calls a creator that
 * takes more than one argument with {@code MethodHandle.invokeWithArguments}, which builds a spreader and interns
 * method types on every call: with a dozen records per streamed chunk that was the largest single cost of decoding a
 * stream. {@code Constructor.newInstance} is compiled into a direct call after a few uses. What Jackson decides
 * (which constructor, which arguments, defaults for absent fields) is unchanged; when a constructor throws, the call
 * is repeated through Jackson's own instantiator so that the error is the one Jackson reports.
 */
public final class RecordConstructors extends JacksonModule {

	@Override
	public String getModuleName() {
		return "cerebras4j-record-constructors";
	}

	@Override
	public Version version() {
		return Version.unknownVersion();
	}

	@Override
	public void setupModule(SetupContext context) {
		context.addValueInstantiators(new ValueInstantiators.Base() {

			@Override
			public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
					BeanDescription.Supplier description, ValueInstantiator instantiator) {
				return wrap(instantiator);
			}

		});
	}

	static ValueInstantiator wrap(ValueInstantiator instantiator) {
		AnnotatedWithParams creator = instantiator.canCreateFromObjectWith() ? instantiator.getWithArgsCreator() : null;
		if (creator != null && instantiator.getValueClass().isRecord()
				&& creator.getAnnotated() instanceof Constructor<?> constructor && constructor.trySetAccessible()) {
			return new ByConstructor(instantiator, constructor);
		}
		return instantiator;
	}

	private static final class ByConstructor extends ValueInstantiator.Delegating {

		private static final long serialVersionUID = 1L;

		private final transient Constructor<?> constructor;

		ByConstructor(ValueInstantiator delegate, Constructor<?> constructor) {
			super(delegate);
			this.constructor = constructor;
		}

		@Override
		public ValueInstantiator createContextual(DeserializationContext context, BeanDescription.Supplier description) {
			ValueInstantiator contextual = delegate().createContextual(context, description);
			return (contextual == delegate()) ? this : wrap(contextual);
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, SettableBeanProperty[] properties,
				PropertyValueBuffer buffer) {
			return createFromObjectWith(context, buffer.getParameters(context, properties));
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, Object[] arguments) {
			try {
				return this.constructor.newInstance(arguments);
			}
			catch (InstantiationException | IllegalAccessException | IllegalArgumentException
					| InvocationTargetException ex) {
				return delegate().createFromObjectWith(context, arguments);
			}
		}

	}

}
