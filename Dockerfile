# Build: docker build -t ioslab .   Run: docker run -p 2201-2203:2201-2203 -p 2301-2303:2301-2303 ioslab
# (inside the container the devices must bind 0.0.0.0 to be reachable: pass a config that says so)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /var/lib/ioslab --shell /usr/sbin/nologin ioslab \
    && mkdir -p /opt/ioslab /var/lib/ioslab/var && chown -R ioslab:ioslab /var/lib/ioslab
COPY --from=build /src/target/ioslab.jar /opt/ioslab/ioslab.jar
COPY --from=build /src/target/lib /opt/ioslab/lib
COPY conf /var/lib/ioslab/conf
WORKDIR /var/lib/ioslab
USER ioslab
VOLUME /var/lib/ioslab/var
EXPOSE 2201-2203 2301-2303 2121 6969/udp
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/ioslab/ioslab.jar"]
CMD ["conf/ioslab.yaml"]
