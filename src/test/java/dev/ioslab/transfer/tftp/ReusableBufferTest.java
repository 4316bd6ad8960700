package dev.ioslab.transfer.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;

class ReusableBufferTest {

    private final ByteBufAllocator allocator = ByteBufAllocator.DEFAULT;

    @Test
    void handsOutTheSameEmptyBufferOnceItsUserReleasedIt() {
        ReusableBuffer reusable = new ReusableBuffer(4);
        ByteBuf first = reusable.take(allocator);
        first.writeInt(0x00040001);
        first.release();
        ByteBuf second = reusable.take(allocator);
        assertThat(second).isSameAs(first);
        assertThat(second.readableBytes()).as("cleared for the next packet").isZero();
        assertThat(second.capacity()).isEqualTo(4);
        second.release();
        reusable.release();
        assertThat(first.refCnt()).as("back in the pool").isZero();
    }

    @Test
    void neverChangesABufferSomeoneStillHolds() {
        ReusableBuffer reusable = new ReusableBuffer(4);
        ByteBuf queued = reusable.take(allocator).writeInt(0x00040001);
        ByteBuf next = reusable.take(allocator);
        assertThat(next).isNotSameAs(queued);
        next.writeInt(0x00040002);
        assertThat(queued.getInt(0)).isEqualTo(0x00040001);
        queued.release();
        assertThat(queued.refCnt()).as("the holder's release was the last").isZero();
        next.release();
        reusable.release();
        assertThat(next.refCnt()).isZero();
    }

    @Test
    void givesPlainBuffersAfterItIsReleased() {
        ReusableBuffer reusable = new ReusableBuffer(4);
        reusable.take(allocator).release();
        reusable.release();
        ByteBuf late = reusable.take(allocator);
        assertThat(late.refCnt()).isEqualTo(1);
        late.release();
        assertThat(late.refCnt()).as("nobody else holds it").isZero();
    }
}
