#pragma once
// A StudioController whose board is the link tests' software board behind a mock port, and
// the few steps the controller tests share: connect, have the board report events, learn.
#include <QAbstractItemModel>
#include <QSignalSpy>
#include <QtTest>

#include <algorithm>
#include <memory>

#include "app/controller/studio_controller.h"
#include "devices/link/board_link.h"
#include "devices/link/mock_transport.h"
#include "tests/app/studio_test_util.h"
#include "tests/devices/link/mock_board.h"

namespace dlm::app::test {

constexpr int kTimeoutMs = 10000;
constexpr int kLearnTimeoutMs = 60000;

inline std::unique_ptr<link::BoardLink> mockLink(link::MockPort* port) {
  auto board = std::make_unique<link::BoardLink>();
  board->setTransportFactory(link::MockTransport::factory(port));
  return board;
}

// The port and the board are declared first: they outlive the controller and its link.
struct Rig {
  link::MockPort port;
  dlm::test::MockBoard board{&port};
  StudioController controller{mockLink(&port)};
  QSignalSpy status{&controller, &StudioController::boardRejectionChanged};  // one per Status
  QSignalSpy messages{&controller, &StudioController::statusMessage};
  quint32 nextBoardId = 100;

  // Connect and wait for the Status the controller asks for after the Hello.
  bool connectAndSettle() {
    status.clear();
    controller.connectToPort(QStringLiteral("mock0"), 115200);
    if (!QTest::qWaitFor([&] { return status.count() >= 1; }, kTimeoutMs)) return false;
    // Anything sent because of that Status is answered well within this.
    QTest::qWait(4 * StudioController::kRejectionQuietMs);
    return true;
  }
  bool messaged(const QString& part) const {
    for (const QList<QVariant>& args : messages)
      if (args.at(0).toString().contains(part)) return true;
    return false;
  }
  // The board reports \p events (untagged); returns their session ids, or empty on timeout.
  QVector<int> boardReports(const QVector<Labelled>& events) {
    StudioEvents* studio = controller.events();
    const int before = studio->eventCount();
    for (const Labelled& l : events) {
      protocol::Event e;
      e.eventId = nextBoardId++;
      e.startSample = l.event.boardSample;
      e.frames = std::uint16_t(std::max<quint32>(1, l.event.frames));
      e.dims = std::uint16_t(l.event.descriptor.size());
      std::copy(l.event.descriptor.begin(), l.event.descriptor.end(), e.descriptor);
      board.sendEvent(e);
    }
    const int expected = before + int(events.size());
    if (!QTest::qWaitFor([&] { return studio->eventCount() >= expected; }, kTimeoutMs)) return {};
    QVector<int> ids;
    const QAbstractItemModel* model = studio->model();
    for (int row = before; row < expected; ++row)
      ids << model->index(row, 0).data(EventTableLayout::EventIdRole).toInt();
    return ids;
  }
  quint32 boardIdOf(int index) const { return 100 + quint32(index); }
  // A studio model learned from a few tagged blob events the board reported.
  bool learnAModel() {
    StudioEvents* studio = controller.events();
    studio->createClass(QStringLiteral("a"));
    studio->createClass(QStringLiteral("b"));
    const QVector<Labelled> events = blobEvents(24, 2);
    const QVector<int> ids = boardReports(events);
    if (ids.size() != events.size()) return false;
    for (int i = 0; i < ids.size(); ++i) studio->tagEvents({ids[i]}, events[i].gesture);
    return QTest::qWaitFor(
        [&] { return controller.isLearningUpToDate() && controller.studioModelIdentity() != 0; },
        kLearnTimeoutMs);
  }
};

} // namespace dlm::app::test
