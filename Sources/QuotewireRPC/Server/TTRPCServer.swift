import Logging
import NIOCore
import NIOConcurrencyHelpers
import NIOPosix
import QuotewireModel
import ServiceLifecycle
import Tracing

/// A ttrpc server over TCP and Unix sockets, run as a swift-service-lifecycle
/// `Service`.
///
/// Serves the registered services plus the built-in `grpc.health.v1.Health/Check`
/// and `quotewire.v1.Server/Ping` and `Info`.
///
/// Lifecycle: ``start()`` binds and returns the bound addresses; ``run()``
/// (binding first if ``start()`` was not called) serves until a graceful
/// shutdown completes: it owns the task group in which every asynchronous
/// and streaming handler runs, so it returns only after the last handler.
/// A graceful shutdown — ``initiateGracefulShutdown()``, the service
/// group's, or cancelling ``run()`` — stops accepting, turns health to
/// NOT_SERVING, lets in-flight calls finish within the grace period (calls
/// still running then are answered UNAVAILABLE), closes the connections and
/// releases the threads; ``waitUntilShutdown()`` returns when that is done.
public final class TTRPCServer: Service, Sendable {
    private enum Phase {
        /// Not bound yet.
        case idle
        /// Bound: `start()` returned.
        case started(listeners: [any Channel])
        /// Shut down before it was ever started.
        case stopped
        /// `run()` finished.
        case finished
    }

    private struct Lifecycle {
        var phase = Phase.idle
        var isRunCalled = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    /// The configuration the server runs with.
    public let configuration: ServerConfiguration
    private let registry: ServiceRegistry
    let state: ServerState
    private let group: any EventLoopGroup
    /// Whether the server made ``group`` (then it shuts it down).
    private let ownsGroup: Bool
    private let shutdownRequested = OneShotEvent()
    private let threadPool: NIOThreadPool
    private let offloadQueue: OffloadQueue
    private let logger: Logger
    private let lifecycle = NIOLockedValueBox(Lifecycle())

    /// - Parameters:
    ///   - configuration: where to listen and the limits.
    ///   - services: the application's services (e.g. ``AnalyzerService``).
    ///   - eventLoopGroup: the event loops to serve on; by default the server
    ///     makes `configuration.threads` of its own (and shuts them down).
    ///   - logger: receives connection-level events at debug level.
    public init(
        configuration: ServerConfiguration, services: ServiceRegistry = ServiceRegistry(),
        eventLoopGroup: (any EventLoopGroup)? = nil,
        logger: Logger = Logger(label: "quotewire.rpc", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        var configuration = configuration
        if configuration.tracer == nil, !(InstrumentationSystem.tracer is NoOpTracer) {
            configuration.tracer = InstrumentationSystem.tracer
        }
        self.configuration = configuration
        self.logger = logger
        let state = ServerState(maxConnections: configuration.maxConnections)
        self.state = state
        self.group = eventLoopGroup ?? MultiThreadedEventLoopGroup(numberOfThreads: configuration.threads)
        self.ownsGroup = eventLoopGroup == nil
        // One thread more than the event loops: the offload queue's express thread for small jobs.
        self.threadPool = NIOThreadPool(numberOfThreads: configuration.threads + 1)
        self.offloadQueue = OffloadQueue(
            pool: self.threadPool, threads: configuration.threads, limit: configuration.maxQueuedWorkBytes, observer: configuration.observer)

        var registry = services
        let served = Set(services.services.map(\.name) + [HealthService.name, ServerService.name])
        HealthService.register(into: &registry, servedServices: served, state: state)
        let info = NIOLockedValueBox<InfoResponse?>(nil)
        ServerService.register(into: &registry) { info.withLockedValue { $0 } ?? InfoResponse() }
        info.withLockedValue {
            $0 = InfoResponse(
                version: configuration.version,
                services: registry.services,
                limits: configuration.limits)
        }
        self.registry = registry
    }

    /// Binds every target and starts serving; returns the bound addresses
    /// (with the actual ports when port 0 was asked for).
    public func start() async throws -> [SocketAddress] {
        self.threadPool.start()
        var listeners: [any Channel] = []
        do {
            for target in self.configuration.bindTargets {
                listeners.append(try await self.bind(target))
            }
        } catch {
            for listener in listeners { try? await listener.close() }
            throw error
        }
        let started = self.lifecycle.withLockedValue { lifecycle -> Bool in
            guard case .idle = lifecycle.phase else { return false }
            lifecycle.phase = .started(listeners: listeners)
            return true
        }
        guard started else {
            for listener in listeners { try? await listener.close() }
            throw RPCError(code: .failedPrecondition, message: "the server was already started or shut down")
        }
        return listeners.compactMap(\.localAddress)
    }

    /// Serves until a graceful shutdown completes (binding first unless
    /// ``start()`` did): every asynchronous and streaming handler runs as a
    /// child task of this call. A graceful shutdown of the service group, or
    /// cancelling this task, starts the server's graceful shutdown; when it
    /// is done the threads are released and ``run()`` returns.
    public func run() async throws {
        let phase = self.lifecycle.withLockedValue { lifecycle -> Phase? in
            guard !lifecycle.isRunCalled else { return nil }
            lifecycle.isRunCalled = true
            return lifecycle.phase
        }
        switch phase {
        case nil:
            throw RPCError(code: .failedPrecondition, message: "the server is run already")
        case .idle?:
            _ = try await self.start()
        case .started?:
            break
        case .stopped?, .finished?:
            return
        }
        await withGracefulShutdownHandler {
            await withTaskCancellationHandler {
                await self.serveHandlers()
            } onCancel: {
                self.initiateGracefulShutdown()
                self.forceCloseConnections()
            }
        } onGracefulShutdown: {
            self.initiateGracefulShutdown()
        }
        await self.releaseResources()
    }

    /// Runs handler jobs as they come, and the drain once a shutdown is
    /// asked for; returns when the drain is done and every handler has ended.
    private func serveHandlers() async {
        await withDiscardingTaskGroup { group in
            group.addTask {
                await self.shutdownRequested.wait()
                await self.drain()
                // Connections are closed, so their calls are answered and their jobs cancelled.
                self.state.finishHandlerJobs()
            }
            for await job in self.state.handlerJobs {
                group.addTask { await job.run() }
            }
        }
    }

    /// Starts a graceful shutdown; returns at once. Calling it again does nothing.
    public func initiateGracefulShutdown() {
        self.state.beginDraining()
        let neverStarted = self.lifecycle.withLockedValue { lifecycle -> Bool in
            guard case .idle = lifecycle.phase else { return false }
            lifecycle.phase = .stopped
            return true
        }
        if neverStarted {
            self.state.finishHandlerJobs()
            if self.ownsGroup {
                self.group.shutdownGracefully(queue: .global()) { _ in self.finish() }
            } else {
                self.finish()
            }
        }
        self.shutdownRequested.fire()
    }

    /// Returns once a graceful shutdown has completed.
    public func waitUntilShutdown() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let isFinished = self.lifecycle.withLockedValue { lifecycle -> Bool in
                switch lifecycle.phase {
                case .finished: return true
                case .idle, .started, .stopped: break
                }
                lifecycle.waiters.append(continuation)
                return false
            }
            if isFinished { continuation.resume() }
        }
    }

    /// Whether the server is draining (health reports NOT_SERVING).
    public var isDraining: Bool {
        self.state.isDraining
    }

    // MARK: Internals

    private func bind(_ target: BindTarget) async throws -> any Channel {
        let isTCP: Bool
        if case .tcp = target { isTCP = true } else { isTCP = false }
        var bootstrap = ServerBootstrap(group: self.group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelInitializer { [self] channel in self.initializeConnection(channel, listener: target) }
        if isTCP {
            bootstrap = bootstrap.childChannelOption(.socketOption(.tcp_nodelay), value: 1)
        }
        switch target {
        case .tcp(let host, let port):
            return try await bootstrap.bind(host: host, port: port).get()
        case .unix(let path):
            return try await bootstrap.bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true).get()
        }
    }

    /// Sets up an accepted connection: the connection limit, then (TLS
    /// listener) the ``TLSGate`` or (Unix listener) the peer's credentials
    /// and uid check, then the frame decoder and the connection handler.
    /// Package-visible for the fuzz harness, which feeds bytes through it on
    /// an `EmbeddedChannel` (no listener).
    package func initializeConnection(_ channel: any Channel, listener: BindTarget? = nil) -> EventLoopFuture<Void> {
        guard self.state.tryAddConnection(channel) else {
            self.logger.debug(
                "Refused a connection", metadata: ["limit": "\(self.configuration.maxConnections)"])
            channel.close(promise: nil)
            return channel.eventLoop.makeSucceededVoidFuture()
        }
        let state = self.state
        channel.closeFuture.whenComplete { _ in state.removeConnection(channel) }
        switch listener {
        case .tcp?:
            return channel.eventLoop.makeCompletedFuture {
                if let tls = self.configuration.tls {
                    try channel.pipeline.syncOperations.addHandler(
                        TLSGate(tls: tls, timeout: TimeAmount(self.configuration.tlsHandshakeTimeout), logger: self.logger))
                }
                try self.addCallHandlers(to: channel, identity: PeerIdentity())
            }
        case .unix?:
            return UnixCredentials.of(channel).map(Optional.some).recover { _ in nil }.flatMapThrowing { credentials in
                if let allowed = self.configuration.allowedUnixUIDs, !allowed.contains(credentials?.uid ?? UInt32.max) {
                    let who = credentials.map { "uid \($0.uid)" } ?? "a peer whose uid is unknown"
                    self.logger.debug("Refused a Unix peer", metadata: ["uid": "\(credentials?.uid.description ?? "?")"])
                    try channel.pipeline.syncOperations.addHandler(
                        FirstRequestRefuser(
                            error: RPCError(code: .permissionDenied, message: "\(who) may not use this socket"),
                            timeout: TimeAmount(self.configuration.tlsHandshakeTimeout)))
                    return
                }
                try self.addCallHandlers(to: channel, identity: PeerIdentity(credentials: credentials))
            }
        case nil:
            return channel.eventLoop.makeCompletedFuture {
                try self.addCallHandlers(to: channel, identity: PeerIdentity())
            }
        }
    }

    private func addCallHandlers(to channel: any Channel, identity: PeerIdentity) throws {
        try channel.pipeline.syncOperations.addHandler(
            ByteToMessageHandler(FrameDecoder(maxPayloadBytes: self.configuration.maxFrameBytes)))
        try channel.pipeline.syncOperations.addHandler(
            ConnectionHandler(
                registry: self.registry, configuration: self.configuration, state: self.state,
                offloadQueue: self.offloadQueue, logger: self.logger, identity: identity))
    }

    /// Closes the listeners, lets the connections drain within the grace,
    /// then force-closes them; returns once every connection is closed.
    private func drain() async {
        let listeners = self.lifecycle.withLockedValue { lifecycle -> [any Channel] in
            guard case .started(let listeners) = lifecycle.phase else { return [] }
            return listeners
        }
        for listener in listeners { try? await listener.close() }
        let connections = self.state.openConnections
        self.logger.debug("Draining", metadata: ["connections": "\(connections.count)"])
        for connection in connections {
            connection.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        }
        let loop = self.group.next()
        let grace = TimeAmount(self.configuration.shutdownGrace)
        let force = loop.scheduleTask(in: grace) { self.forceCloseConnections() }
        // Answers the client does not read must not hold the shutdown past the grace.
        let state = self.state
        let kill = loop.scheduleTask(in: grace + .milliseconds(250)) {
            for connection in state.openConnections { connection.close(promise: nil) }
        }
        try? await EventLoopFuture.andAllComplete(connections.map(\.closeFuture), on: loop).get()
        force.cancel()
        kill.cancel()
    }

    /// Ends the grace: every call still in flight is answered UNAVAILABLE and its connection closes.
    private func forceCloseConnections() {
        for connection in self.state.openConnections {
            connection.pipeline.fireUserInboundEventTriggered(ForceCloseEvent())
        }
    }

    /// Releases the threads once every handler has ended.
    private func releaseResources() async {
        try? await self.threadPool.shutdownGracefully()
        if self.ownsGroup { try? await self.group.shutdownGracefully() }
        self.finish()
    }

    private func finish() {
        let waiters = self.lifecycle.withLockedValue { lifecycle -> [CheckedContinuation<Void, Never>] in
            lifecycle.phase = .finished
            defer { lifecycle.waiters = [] }
            return lifecycle.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
