# Sora Studio: SDK build -> ASP.NET Core runtime with ffmpeg.
#   docker build -t sora-studio .
#   docker run -p 8080:8080 -v sora-data:/data sora-studio
# The publish step is scripts/publish.sh, the same one CI runs and starts (scripts/publish-smoke.sh).

# The SDK global.json asks for (10.0.401 or a later patch of that feature band).
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0.401
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

FROM ${SDK_IMAGE} AS build
WORKDIR /src
# Restore first, from the project files only, so that a code change reuses the restored packages.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/SoraStudio.Core/SoraStudio.Core.csproj src/SoraStudio.Core/
COPY src/SoraStudio.SoraApi/SoraStudio.SoraApi.csproj src/SoraStudio.SoraApi/
COPY src/SoraStudio.Emulator/SoraStudio.Emulator.csproj src/SoraStudio.Emulator/
COPY src/SoraStudio.Web/SoraStudio.Web.csproj src/SoraStudio.Web/
RUN dotnet restore src/SoraStudio.Web/SoraStudio.Web.csproj
COPY src/ src/
COPY wwwroot-assets/ wwwroot-assets/
COPY scripts/publish.sh scripts/
RUN scripts/publish.sh /app

FROM ${RUNTIME_IMAGE} AS runtime
# ffmpeg renders the emulator's clips and probes downloaded ones; DejaVu is the title cards' font; curl is the health check.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ffmpeg fonts-dejavu-core curl \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /app /app
# The data folder (database, clip store, in-process emulator files) is a volume owned by the image's non-root user.
RUN mkdir -p /data && chown app:app /data
VOLUME /data
ENV ASPNETCORE_URLS=http://+:8080 \
    Studio__DataPath=/data \
    Logging__Console__FormatterName=json \
    Logging__Console__FormatterOptions__IncludeScopes=true
EXPOSE 8080
USER app
# The publish folder is the content root: static files (Blazor's script included) are served from it.
WORKDIR /app/studio
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
  CMD curl -fsS http://localhost:8080/health/ready >/dev/null || exit 1
ENTRYPOINT ["dotnet", "SoraStudio.Web.dll"]
