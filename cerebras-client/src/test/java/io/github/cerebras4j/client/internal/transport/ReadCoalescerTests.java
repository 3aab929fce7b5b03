package io.github.cerebras4j.client.internal.transport;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.NettyPipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ReadCoalescer}: the body pieces of one read travel on as one, nothing is held past the read, and
 * every buffer is released once.
 */
class ReadCoalescerTests {

	private final EmbeddedChannel channel = new EmbeddedChannel();

	ReadCoalescerTests() {
		this.channel.pipeline().addLast(NettyPipeline.HttpCodec, new HttpClientCodec());
		ReadCoalescer.install(this.channel);
	}

	private void eventStreamStarts() {
		read(head("text/event-stream; charset=utf-8"));
		this.channel.readInbound();
	}

	private static HttpResponse head(String contentType) {
		HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
		head.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
		return head;
	}

	@AfterEach
	void closeChannel() {
		this.channel.finishAndReleaseAll();
	}

	@Test
	void installsItselfRightBehindTheHttpCodecOnce() {
		ReadCoalescer.install(this.channel);

		assertThat(this.channel.pipeline().names()).containsSubsequence(NettyPipeline.HttpCodec, ReadCoalescer.NAME);
		assertThat(this.channel.pipeline().names().stream().filter(ReadCoalescer.NAME::equals)).hasSize(1);
	}

	@Test
	void leavesAPipelineWithoutAnHttpCodecAlone() {
		EmbeddedChannel other = new EmbeddedChannel();

		ReadCoalescer.install(other);

		assertThat(other.pipeline().get(ReadCoalescer.NAME)).isNull();
		other.finishAndReleaseAll();
	}

	@Test
	void piecesOfOneReadArePassedOnAsOneWhenTheReadIsComplete() {
		HttpResponse head = head("text/event-stream");
		ByteBuf first = bytes("data: {\"a\":1}\n\n");
		ByteBuf second = bytes("data: {\"a\":2}\n\n");
		ByteBuf third = bytes("data: [DONE]\n\n");

		read(head, new DefaultHttpContent(first), new DefaultHttpContent(second),
				new DefaultHttpContent(third));
		assertThat((Object) this.channel.readInbound()).isSameAs(head);
		assertThat((Object) this.channel.readInbound()).isNull();
		this.channel.pipeline().fireChannelReadComplete();

		HttpContent joined = this.channel.readInbound();
		assertThat(joined.content().toString(StandardCharsets.UTF_8))
			.isEqualTo("data: {\"a\":1}\n\ndata: {\"a\":2}\n\ndata: [DONE]\n\n");
		assertThat(first.refCnt()).isZero();
		assertThat(second.refCnt()).isZero();
		assertThat(third.refCnt()).isZero();
		joined.release();
	}

	@Test
	void aPieceThatArrivesAloneIsPassedOnAsItIs() {
		eventStreamStarts();
		ByteBuf first = bytes("data: {\"a\":1}\n\n");

		read(new DefaultHttpContent(first));
		this.channel.pipeline().fireChannelReadComplete();

		HttpContent passed = this.channel.readInbound();
		assertThat(passed.content()).isSameAs(first);
		passed.release();
	}

	@Test
	void theLastPieceOfTheBodyFollowsWhatCameBeforeIt() {
		eventStreamStarts();
		ByteBuf first = bytes("data: {\"a\":1}\n\n");
		ByteBuf second = bytes("data: {\"a\":2}\n\n");
		LastHttpContent last = new DefaultLastHttpContent(bytes("data: [DONE]\n\n"));

		read(new DefaultHttpContent(first), new DefaultHttpContent(second), last);

		HttpContent joined = this.channel.readInbound();
		assertThat(joined.content().toString(StandardCharsets.UTF_8)).isEqualTo("data: {\"a\":1}\n\ndata: {\"a\":2}\n\n");
		assertThat((Object) this.channel.readInbound()).isSameAs(last);
		joined.release();
		last.release();
	}

	@Test
	void aFailureFollowsThePiecesBeforeIt() {
		eventStreamStarts();
		ByteBuf first = bytes("data: {\"a\":1}\n\n");
		read(new DefaultHttpContent(first));

		this.channel.pipeline().context(NettyPipeline.HttpCodec).fireExceptionCaught(new IllegalStateException("reset"));

		HttpContent passed = this.channel.readInbound();
		assertThat(passed.content()).isSameAs(first);
		passed.release();
		assertThatIllegalStateException().isThrownBy(this.channel::checkException).withMessage("reset");
	}

	@Test
	void piecesHeldWhenTheHandlerIsRemovedAreReleased() {
		eventStreamStarts();
		ByteBuf first = bytes("data: {\"a\":1}\n\n");
		ByteBuf second = bytes("data: {\"a\":2}\n\n");
		read(new DefaultHttpContent(first), new DefaultHttpContent(second));

		this.channel.pipeline().remove(ReadCoalescer.NAME);

		assertThat(first.refCnt()).isZero();
		assertThat(second.refCnt()).isZero();
		assertThat((Object) this.channel.readInbound()).isNull();
	}

	@Test
	void theBodyOfAResponseThatIsNotAnEventStreamPassesUntouched() {
		read(head("application/json"));
		this.channel.readInbound();
		ByteBuf first = bytes("{\"a\":");
		ByteBuf second = bytes("1}");

		read(new DefaultHttpContent(first), new DefaultHttpContent(second));

		HttpContent passedFirst = this.channel.readInbound();
		HttpContent passedSecond = this.channel.readInbound();
		assertThat(passedFirst.content()).isSameAs(first);
		assertThat(passedSecond.content()).isSameAs(second);
		passedFirst.release();
		passedSecond.release();
	}

	private void read(Object... messages) {
		for (Object message : messages) {
			// as the codec does
			this.channel.pipeline().context(NettyPipeline.HttpCodec).fireChannelRead(message);
		}
	}

	private static ByteBuf bytes(String text) {
		// as the codec hands body pieces on: slices of the buffer it read into
		return Unpooled.copiedBuffer("HTTP chunk header\r\n" + text, StandardCharsets.UTF_8).slice(19, text.length());
	}

}
