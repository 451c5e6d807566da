# Builds the application from this repository and runs it on a JRE. Used by docker-compose.yml.
# Only the application module is built: the what-if simulation (simulation/) is not in the image.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY application/pom.xml application/
COPY simulation/pom.xml simulation/
RUN ./mvnw -B -q -pl application dependency:go-offline
COPY application/src application/src
COPY processes processes
COPY forms forms
RUN ./mvnw -B -q -pl application -DskipTests package

FROM eclipse-temurin:17-jre
ENV TZ=Europe/London
RUN useradd --system --home /app ehc
WORKDIR /app
COPY --from=build /src/application/target/ehc-flow-*-exec.jar /app/ehc-flow.jar
USER ehc
EXPOSE 8080
ENTRYPOINT ["java", "-Duser.timezone=Europe/London", "-jar", "/app/ehc-flow.jar"]
