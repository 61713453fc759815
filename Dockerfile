# syntax=docker/dockerfile:1
# ToonStudio: one image for every Deployment (ToonStudio__Serve picks ppl, goods or both).
# Pinned to the SDK and runtime the project is built and tested with (global.json rolls forward to it).
#   docker build -t registry.example.com/toonstudio:1.0.0 .
#   docker run --read-only --tmpfs /tmp -v toonstudio-data:/data -p 8080:8080 registry.example.com/toonstudio:1.0.0

ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0.401-noble
# Chiseled "extra": no shell or package manager, non-root by default, but with ICU and tzdata
# (Korean/English messages need ICU). SkiaSharp (NoDependencies) and SQLite's native libraries need only libc.
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0.12-noble-chiseled-extra

FROM --platform=$BUILDPLATFORM ${SDK_IMAGE} AS build
ARG TARGETARCH
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Restore first, from the project files only, so a code change does not re-download packages.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ToonStudio.Imaging/ToonStudio.Imaging.csproj src/ToonStudio.Imaging/
COPY src/ToonStudio.Server/ToonStudio.Server.csproj src/ToonStudio.Server/
RUN dotnet restore src/ToonStudio.Server/ToonStudio.Server.csproj -a "$TARGETARCH"

COPY src/ src/
RUN dotnet publish src/ToonStudio.Server/ToonStudio.Server.csproj -c Release -a "$TARGETARCH" --no-restore \
      -o /app -p:UseAppHost=false \
 && mkdir -p /rootfs/data

FROM ${RUNTIME_IMAGE} AS runtime
WORKDIR /app
# Everything the process writes goes to /data (SQLite + blobs) or /tmp (mount an emptyDir/tmpfs there):
# the root filesystem can be read-only.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ToonStudio__DataPath=/data \
    TMPDIR=/tmp \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1
# 1654 is the images' non-root "app" user ($APP_UID); numeric so it works without /etc/passwd lookups.
COPY --from=build --chown=1654:1654 /rootfs/data /data
COPY --from=build /app ./
USER $APP_UID
VOLUME ["/data"]
EXPOSE 8080
ENTRYPOINT ["dotnet", "ToonStudio.Server.dll"]
