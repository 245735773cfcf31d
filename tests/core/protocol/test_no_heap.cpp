// The protocol allocates nothing: framing, every message, the decoder and a model transfer
// run with malloc counting (glibc lets a program replace malloc; we forward to its internals).
#include <QtTest>

#include <atomic>
#include <cstddef>
#include <cstring>

#include "core/protocol/link.h"
#include "core/protocol/model_transfer.h"

#include "tests/support/malloc_counter.h"

using namespace dlm::protocol;

namespace {

// Static storage: nothing below needs the heap, including the test's own buffers.
std::uint8_t s_wire[8 * kMaxWireFrame];
std::uint8_t s_model[3000];
std::uint8_t s_staging[4096];
FrameDecoder s_decoder;
Command s_command;
int s_frames = 0;

void onFrame(void*, const FrameView& frame) {
  ++s_frames;
  if (decodeMessage(frame, s_command)) {
    Ack ack;
    ack.seq = frame.seq;
    ack.commandId = s_command.id;
    std::uint8_t out[kMaxWireFrame];
    encodeMessage(ack, 1, out, sizeof out);
  }
}

} // namespace

class TestProtocolNoHeap : public QObject {
  Q_OBJECT
private slots:
  void protocolNeverAllocates() {
    for (std::size_t i = 0; i < sizeof s_model; ++i) s_model[i] = std::uint8_t(i * 7);
    g_allocations = 0;
    g_counting = true;
    ModelSender sender(s_model, sizeof s_model);
    ModelReceiver receiver(s_staging, sizeof s_staging);
    std::size_t n = 0;
    Command c;
    sender.makeBegin(c);
    n += encodeMessage(c, 1, s_wire + n, sizeof s_wire - n);
    receiver.begin(sender.totalBytes(), sender.crc());
    while (!sender.done()) {
      sender.makeChunk(c);
      const TransferReply r = receiver.chunk(c.args.modelChunk.offset, c.args.modelChunk.data,
                                             c.args.modelChunk.length);
      sender.onAck(r.code, r.value);
      if (n + kMaxWireFrame <= sizeof s_wire) n += encodeMessage(c, 2, s_wire + n, sizeof s_wire - n);
    }
    const bool verified = receiver.finish(sender.crc()).code == AckCode::Ok;
    Hello hello;
    std::strcpy(hello.boardName, "board");
    hello.sampleRateHz = 1000;
    hello.channels = 3;
    hello.capacity.maxDims = 64;
    hello.descriptorDims = hello.frontEnd.dims();  // version 5: its motion front-end's 58
    n += encodeMessage(hello, 3, s_wire + n, sizeof s_wire - n);
    Event event;
    event.frames = 100;
    n += encodeMessage(event, 4, s_wire + n, sizeof s_wire - n);
    s_decoder.feed(s_wire, n, onFrame, nullptr);
    AckCache cache;
    cache.remember(Ack());
    g_counting = false;
    QCOMPARE(g_allocations.load(), 0L);
    QVERIFY(verified);
    QCOMPARE(s_frames, 9);  // begin, 6 chunks, hello, event  // the work above really happened
    // And the counter does count: a plain allocation is seen.
    g_counting = true;
    void* volatile probe = malloc(16);
    g_counting = false;
    free(probe);
    QCOMPARE(g_allocations.load(), 1L);
  }
};

QTEST_GUILESS_MAIN(TestProtocolNoHeap)
#include "test_no_heap.moc"
