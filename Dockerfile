# asynctestrun in a container. Mount the project to test at /src:
#
#     docker build -t asynctestrun .
#     docker run --rm -v "$PWD:/src" asynctestrun -q
#
# Arguments after the image name go to asynctestrun; its exit status is the container's.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Installed from its own folder, so a project mounted at /src never shadows the installed package.
WORKDIR /opt/asynctestrun
COPY . .
RUN pip install --no-cache-dir .

WORKDIR /src
ENTRYPOINT ["asynctestrun"]
