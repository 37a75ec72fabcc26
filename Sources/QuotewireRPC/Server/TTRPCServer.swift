import Logging
import NIOCore
import NIOConcurrencyHelpers
import NIOPosix
import QuotewireModel

/// A ttrpc server over TCP and Unix sockets.
///
/// Serves the registered services plus the built-in `grpc.health.v1.Health/Check`
/// and `quotewire.v1.Server/Ping` and `Info`.
///
/// Lifecycle: ``start()`` binds and returns the bound addresses;
/// ``initiateGracefulShutdown()`` stops accepting, turns health to
/// NOT_SERVING, lets in-flight calls finish within the grace period (calls
/// still running then are answered UNAVAILABLE), closes the connections and
/// releases the threads; ``waitUntilShutdown()`` returns when that is done.
public final class TTRPCServer: Sendable {
    private enum Phase {
        case idle
        case running(listeners: [any Channel])
        case draining
        case finished
    }

    private struct Lifecycle {
        var phase = Phase.idle
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    /// The configuration the server runs with.
    public let configuration: ServerConfiguration
    private let registry: ServiceRegistry
    let state: ServerState
    private let group: MultiThreadedEventLoopGroup
    private let threadPool: NIOThreadPool
    private let offloadQueue: OffloadQueue
    private let logger: Logger
    private let lifecycle = NIOLockedValueBox(Lifecycle())

    /// - Parameters:
    ///   - configuration: where to listen and the limits.
    ///   - services: the application's services (e.g. ``AnalyzerService``).
    ///   - logger: receives connection-level events at debug level.
    public init(
        configuration: ServerConfiguration, services: ServiceRegistry = ServiceRegistry(),
        logger: Logger = Logger(label: "quotewire.rpc", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.configuration = configuration
        self.logger = logger
        let state = ServerState(maxConnections: configuration.maxConnections)
        self.state = state
        self.group = MultiThreadedEventLoopGroup(numberOfThreads: configuration.threads)
        self.threadPool = NIOThreadPool(numberOfThreads: configuration.threads)
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
            lifecycle.phase = .running(listeners: listeners)
            return true
        }
        guard started else {
            for listener in listeners { try? await listener.close() }
            throw RPCError(code: .failedPrecondition, message: "the server was already started or shut down")
        }
        return listeners.compactMap(\.localAddress)
    }

    /// Starts a graceful shutdown; returns at once. Calling it again does nothing.
    public func initiateGracefulShutdown() {
        let phase = self.lifecycle.withLockedValue { lifecycle -> Phase in
            let phase = lifecycle.phase
            if case .running = phase { lifecycle.phase = .draining }
            if case .idle = phase { lifecycle.phase = .draining }
            return phase
        }
        switch phase {
        case .running(let listeners):
            self.state.beginDraining()
            Task { await self.drain(listeners: listeners) }
        case .idle:
            self.state.beginDraining()
            Task { await self.releaseResources() }
        case .draining, .finished:
            return
        }
    }

    /// Returns once a graceful shutdown has completed.
    public func waitUntilShutdown() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let isFinished = self.lifecycle.withLockedValue { lifecycle -> Bool in
                if case .finished = lifecycle.phase { return true }
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
            .childChannelInitializer { [self] channel in self.initializeConnection(channel) }
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

    /// Sets up an accepted connection: the connection limit, then the frame
    /// decoder and the connection handler. Package-visible for the fuzz
    /// harness, which feeds bytes through it on an `EmbeddedChannel`.
    package func initializeConnection(_ channel: any Channel) -> EventLoopFuture<Void> {
        guard self.state.tryAddConnection(channel) else {
            self.logger.debug(
                "Refused a connection", metadata: ["limit": "\(self.configuration.maxConnections)"])
            channel.close(promise: nil)
            return channel.eventLoop.makeSucceededVoidFuture()
        }
        let state = self.state
        channel.closeFuture.whenComplete { _ in state.removeConnection(channel) }
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(
                ByteToMessageHandler(FrameDecoder(maxPayloadBytes: self.configuration.maxFrameBytes)))
            try channel.pipeline.syncOperations.addHandler(
                ConnectionHandler(
                    registry: self.registry, configuration: self.configuration, state: self.state,
                    offloadQueue: self.offloadQueue, logger: self.logger))
        }
    }

    private func drain(listeners: [any Channel]) async {
        for listener in listeners { try? await listener.close() }
        let connections = self.state.openConnections
        self.logger.debug("Draining", metadata: ["connections": "\(connections.count)"])
        for connection in connections {
            connection.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        }
        let loop = self.group.next()
        let state = self.state
        let grace = TimeAmount(self.configuration.shutdownGrace)
        let force = loop.scheduleTask(in: grace) {
            for connection in state.openConnections {
                connection.pipeline.fireUserInboundEventTriggered(ForceCloseEvent())
            }
        }
        // Answers the client does not read must not hold the shutdown past the grace.
        let kill = loop.scheduleTask(in: grace + .milliseconds(250)) {
            for connection in state.openConnections { connection.close(promise: nil) }
        }
        try? await EventLoopFuture.andAllComplete(connections.map(\.closeFuture), on: loop).get()
        force.cancel()
        kill.cancel()
        await self.releaseResources()
    }

    private func releaseResources() async {
        // Handler tasks hop back to an event loop when they finish: wait for
        // the ones still running (cancelled when their connection closed), or
        // half a second for a handler that ignores cancellation.
        let state = self.state
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await state.waitUntilNoTasks() }
            group.addTask { try? await Task.sleep(for: .milliseconds(500)) }
            await group.next()
            group.cancelAll()
        }
        try? await self.threadPool.shutdownGracefully()
        try? await self.group.shutdownGracefully()
        let waiters = self.lifecycle.withLockedValue { lifecycle -> [CheckedContinuation<Void, Never>] in
            lifecycle.phase = .finished
            defer { lifecycle.waiters = [] }
            return lifecycle.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
