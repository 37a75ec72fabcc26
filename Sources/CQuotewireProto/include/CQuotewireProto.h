// Umbrella header of the protobuf-c code generated from proto/ by
// scripts/generate-proto.sh. Hand-written: the generator does not touch it.
#ifndef CQUOTEWIREPROTO_H
#define CQUOTEWIREPROTO_H

#include <protobuf-c/protobuf-c.h>
#include "google/protobuf/any.pb-c.h"
#include "google/protobuf/timestamp.pb-c.h"
#include "google/rpc/status.pb-c.h"
#include "ttrpc/ttrpc.pb-c.h"
#include "grpc/health/v1/health.pb-c.h"
#include "quotewire/v1/analyzer.pb-c.h"

#endif
