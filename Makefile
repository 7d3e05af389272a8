# optrender — the two commands of the README, and their set-up.
#
#   make gallery   install what is missing, build, render the catalog into gallery/
#   make test      install what is missing, build, run every test
#   make check     render the catalog in memory and compare with gallery/ (writes nothing)
#   make bench     speed against matplotlib, as ratios measured in one run
#
# Set-up installs only what is absent: nothing runs apt when every package is there.

SYSTEM_PACKAGES := libpng-dev libgif-dev libfreetype-dev libfontconfig1-dev fonts-dejavu-core pkg-config libwebp-dev libavcodec-dev libavformat-dev libswscale-dev libavutil-dev \
                   libcairo2-dev poppler-utils librsvg2-bin
# The interactive page's browser test (make test): headless Chromium through chromedriver.
SYSTEM_PACKAGES += chromium chromium-driver
SWIFT ?= swift
CONFIG ?= release
BIN = $(shell $(SWIFT) build -c $(CONFIG) --show-bin-path)/optrender

.PHONY: setup build gallery check test bench clean

setup:
	@missing=""; \
	for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: setup
	$(SWIFT) build -c $(CONFIG) --product optrender

gallery: build
	$(BIN) --all --out gallery/

# Exit 1 with one line per stale, missing or extra file when gallery/ differs
# from what this build renders. CONFIG=debug reuses the build of `make test`.
check: build
	$(BIN) --all --check --out gallery/

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: build
	./bench/run

clean:
	rm -rf .build
