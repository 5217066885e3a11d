import { ValidationPipe } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { BODY_LIMIT_BYTES } from './http/body-limit';
import { InvalidInputException } from './http/invalid-input.exception';
import { ProblemDetailsFilter } from './http/problem-details.filter';

/**
 * The HTTP server under Nest: Fastify, not Express. Measured under 16 clients appending (session
 * 13): Express's router and body parser allocated a large share of every request, and the
 * collector's pauses that came with it were the tail of `appendP99Ms`.
 */
export const httpAdapter = (): FastifyAdapter =>
  // A trailing slash is the same path, as it was under Express. (Router settings go under
  // `routerOptions`: at the top level Fastify 5 warns that they are deprecated, FSTDEP022.)
  new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, routerOptions: { ignoreTrailingSlash: true } });

/** Everything main.ts and the e2e tests both need, so tests run the app as it is served. */
export function configureApp(app: NestFastifyApplication): NestFastifyApplication {
  // Commands are JSON. The app is created without Nest's parsers (`bodyParser: false`, so no
  // form bodies either); Fastify's own JSON parser reads bodies, and its plain-text one is
  // removed: any other media type is answered 415.
  app.getHttpAdapter().getInstance().removeContentTypeParser('text/plain');
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => InvalidInputException.fromValidation(errors),
    }),
  );
  app.useGlobalFilters(new ProblemDetailsFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('membership-ledger')
      .setDescription(
        'An event-sourced ledger of party membership. Commands answer 201 with { id, version, position }; ' +
          'errors are application/problem+json (400 invalid input, 404 unknown id, 409 idempotency conflict, ' +
          '412 failed If-Match, 413 body over 64 KB, 415 body not JSON, 422 refused by a rule of the ' +
          'rulebook, with its ruleId).',
      )
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
