#!/usr/bin/env node
import { createRequire as __scanfoldCreateRequire } from 'node:module'; var require = __scanfoldCreateRequire(import.meta.url); var __filename = import.meta.filename; var __dirname = import.meta.dirname;
import {
  ConfigurationError,
  TransientError,
  checkBomInput,
  errorMessage,
  external_exports,
  firstIssue,
  jsonErrorDetail
} from "./chunks/chunk-XBD6P3PQ.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunks/chunk-TCLYXSAA.js";

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar2(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap2;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar2;
    exports.isSeq = isSeq;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path31) {
      const ctrl = callVisitor(key, node, visitor, path31);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path31, ctrl);
        return visit_(key, ctrl, visitor, path31);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path31 = Object.freeze(path31.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path31);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path31 = Object.freeze(path31.concat(node));
          const ck = visit_("key", node.key, visitor, path31);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path31);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path31) {
      const ctrl = await callVisitor(key, node, visitor, path31);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path31, ctrl);
        return visitAsync_(key, ctrl, visitor, path31);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path31 = Object.freeze(path31.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path31);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path31 = Object.freeze(path31.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path31);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path31);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path31) {
      if (typeof visitor === "function")
        return visitor(key, node, path31);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path31);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path31);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path31);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path31);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path31);
      return void 0;
    }
    function replaceNode(key, path31, node) {
      const parent = path31[path31.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node2 = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node2.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node2 = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node2.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node2 = require_Node();
    function collectionFromPath(schema, path31, value) {
      let v = value;
      for (let i = path31.length - 1; i >= 0; --i) {
        const k = path31[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path31) => path31 == null || typeof path31 === "object" && !!path31[Symbol.iterator]().next().done;
    var Collection = class extends Node2.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path31, value) {
        if (isEmptyPath(path31))
          this.add(value);
        else {
          const [key, ...rest] = path31;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path31) {
        const [key, ...rest] = path31;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path31, keepScalar) {
        const [key, ...rest] = path31;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path31) {
        const [key, ...rest] = path31;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path31, value) {
        const [key, ...rest] = path31;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text3, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text3;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text3.length <= endStep)
        return text3;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text3, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text3[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text3[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text3, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text3[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text3[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text3;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text3;
      if (onFold)
        onFold();
      let res = text3.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text3.length;
        if (fold === 0)
          res = `
${indent}${text3.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text3[fold]}\\`;
          res += `
${indent}${text3.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text3, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text3[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text3[++i];
        } else {
          do {
            ch = text3[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text3[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code2 = json.substr(i + 2, 4);
                switch (code2) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code2.substr(0, 2) === "00")
                      str += "\\x" + code2.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header2 = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header2 += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header2}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header2}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path31, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path31, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path31) {
        if (Collection.isEmptyPath(path31)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path31) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path31, keepScalar) {
        if (Collection.isEmptyPath(path31))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path31, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path31) {
        if (Collection.isEmptyPath(path31))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path31) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path31, value) {
        if (Collection.isEmptyPath(path31)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path31), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path31, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code2, message) {
        super();
        this.name = name;
        this.code = code2;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLParseError", pos, code2, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLWarning", pos, code2, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap2) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header2 = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header2)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header2.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header2.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header2.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header2.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header2.indent;
      let offset = scalar.offset + header2.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header2.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header2.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header2.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header2.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header2.length + scalar.source.length;
      return { value, type, comment: header2.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code2, msg) => onError(offset + rel, code2, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code2 = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code2);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code2, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code2, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code2, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code2, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code2, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code2, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header2 = token.props[0];
            if (header2.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header2.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header2 = token.props[0];
        if (header2.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header2.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path31) => {
      let item = cst;
      for (const [field, index] of path31) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path31) => {
      const parent = visit.itemAtPath(cst, path31.slice(0, -1));
      const field = path31[path31.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path31, item, visitor) {
      let ctrl = visitor(item, path31);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path31.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path31);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path31) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar2 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar2;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse2(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse2;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// node_modules/spdx-license-ids/index.json
var require_spdx_license_ids = __commonJS({
  "node_modules/spdx-license-ids/index.json"(exports, module) {
    module.exports = [
      "0BSD",
      "3D-Slicer-1.0",
      "AAL",
      "ADSL",
      "AFL-1.1",
      "AFL-1.2",
      "AFL-2.0",
      "AFL-2.1",
      "AFL-3.0",
      "AGPL-1.0-only",
      "AGPL-1.0-or-later",
      "AGPL-3.0-only",
      "AGPL-3.0-or-later",
      "ALGLIB-Documentation",
      "AMD-newlib",
      "AMDPLPA",
      "AML",
      "AML-glslang",
      "AMPAS",
      "ANTLR-PD",
      "ANTLR-PD-fallback",
      "APAFML",
      "APL-1.0",
      "APSL-1.0",
      "APSL-1.1",
      "APSL-1.2",
      "APSL-2.0",
      "ASWF-Digital-Assets-1.0",
      "ASWF-Digital-Assets-1.1",
      "Abstyles",
      "AdaCore-doc",
      "Adobe-2006",
      "Adobe-Display-PostScript",
      "Adobe-Glyph",
      "Adobe-Utopia",
      "Advanced-Cryptics-Dictionary",
      "Afmparse",
      "Aladdin",
      "Apache-1.0",
      "Apache-1.1",
      "Apache-2.0",
      "App-s2p",
      "Arphic-1999",
      "Artistic-1.0",
      "Artistic-1.0-Perl",
      "Artistic-1.0-cl8",
      "Artistic-2.0",
      "Artistic-dist",
      "Aspell-RU",
      "BOLA-1.1",
      "BSD-1-Clause",
      "BSD-2-Clause",
      "BSD-2-Clause-Darwin",
      "BSD-2-Clause-Patent",
      "BSD-2-Clause-Views",
      "BSD-2-Clause-first-lines",
      "BSD-2-Clause-pkgconf-disclaimer",
      "BSD-2-Clause-pos-unchanged",
      "BSD-3-Clause",
      "BSD-3-Clause-Attribution",
      "BSD-3-Clause-Clear",
      "BSD-3-Clause-HP",
      "BSD-3-Clause-LBNL",
      "BSD-3-Clause-Modification",
      "BSD-3-Clause-No-Military-License",
      "BSD-3-Clause-No-Nuclear-License",
      "BSD-3-Clause-No-Nuclear-License-2014",
      "BSD-3-Clause-No-Nuclear-Warranty",
      "BSD-3-Clause-Open-MPI",
      "BSD-3-Clause-OpenWebUI",
      "BSD-3-Clause-Sun",
      "BSD-3-Clause-Tso",
      "BSD-3-Clause-acpica",
      "BSD-3-Clause-flex",
      "BSD-4-Clause",
      "BSD-4-Clause-Shortened",
      "BSD-4-Clause-UC",
      "BSD-4.3RENO",
      "BSD-4.3TAHOE",
      "BSD-Advertising-Acknowledgement",
      "BSD-Attribution-HPND-disclaimer",
      "BSD-Inferno-Nettverk",
      "BSD-Mark-Modifications",
      "BSD-Protection",
      "BSD-Source-Code",
      "BSD-Source-Code-no-disclaimer",
      "BSD-Source-alt-GPL",
      "BSD-Source-beginning-file",
      "BSD-Systemics",
      "BSD-Systemics-W3Works",
      "BSD-ask-to-endorse",
      "BSL-1.0",
      "BUSL-1.1",
      "Baekmuk",
      "Bahyph",
      "Barr",
      "Beerware",
      "BitTorrent-1.0",
      "BitTorrent-1.1",
      "Bitstream-Charter",
      "Bitstream-Vera",
      "BlueOak-1.0.0",
      "Boehm-GC",
      "Boehm-GC-without-fee",
      "Borceux",
      "Brian-Gladman-2-Clause",
      "Brian-Gladman-3-Clause",
      "Brian-Gladman-3-Clause-no-conversion",
      "Buddy",
      "Bugroff",
      "C-UDA-1.0",
      "CAL-1.0",
      "CAL-1.0-Combined-Work-Exception",
      "CAPEC-tou",
      "CATOSL-1.1",
      "CC-BY-1.0",
      "CC-BY-2.0",
      "CC-BY-2.5",
      "CC-BY-2.5-AU",
      "CC-BY-3.0",
      "CC-BY-3.0-AT",
      "CC-BY-3.0-AU",
      "CC-BY-3.0-DE",
      "CC-BY-3.0-IGO",
      "CC-BY-3.0-NL",
      "CC-BY-3.0-US",
      "CC-BY-4.0",
      "CC-BY-NC-1.0",
      "CC-BY-NC-2.0",
      "CC-BY-NC-2.5",
      "CC-BY-NC-3.0",
      "CC-BY-NC-3.0-DE",
      "CC-BY-NC-3.0-IGO",
      "CC-BY-NC-4.0",
      "CC-BY-NC-ND-1.0",
      "CC-BY-NC-ND-2.0",
      "CC-BY-NC-ND-2.5",
      "CC-BY-NC-ND-3.0",
      "CC-BY-NC-ND-3.0-DE",
      "CC-BY-NC-ND-3.0-IGO",
      "CC-BY-NC-ND-4.0",
      "CC-BY-NC-SA-1.0",
      "CC-BY-NC-SA-2.0",
      "CC-BY-NC-SA-2.0-DE",
      "CC-BY-NC-SA-2.0-FR",
      "CC-BY-NC-SA-2.0-UK",
      "CC-BY-NC-SA-2.5",
      "CC-BY-NC-SA-3.0",
      "CC-BY-NC-SA-3.0-DE",
      "CC-BY-NC-SA-3.0-IGO",
      "CC-BY-NC-SA-4.0",
      "CC-BY-ND-1.0",
      "CC-BY-ND-2.0",
      "CC-BY-ND-2.5",
      "CC-BY-ND-3.0",
      "CC-BY-ND-3.0-DE",
      "CC-BY-ND-4.0",
      "CC-BY-SA-1.0",
      "CC-BY-SA-2.0",
      "CC-BY-SA-2.0-UK",
      "CC-BY-SA-2.1-JP",
      "CC-BY-SA-2.5",
      "CC-BY-SA-3.0",
      "CC-BY-SA-3.0-AT",
      "CC-BY-SA-3.0-DE",
      "CC-BY-SA-3.0-IGO",
      "CC-BY-SA-4.0",
      "CC-PDDC",
      "CC-PDM-1.0",
      "CC-SA-1.0",
      "CC0-1.0",
      "CDDL-1.0",
      "CDDL-1.1",
      "CDL-1.0",
      "CDLA-Permissive-1.0",
      "CDLA-Permissive-2.0",
      "CDLA-Sharing-1.0",
      "CECILL-1.0",
      "CECILL-1.1",
      "CECILL-2.0",
      "CECILL-2.1",
      "CECILL-B",
      "CECILL-C",
      "CERN-OHL-1.1",
      "CERN-OHL-1.2",
      "CERN-OHL-P-2.0",
      "CERN-OHL-S-2.0",
      "CERN-OHL-W-2.0",
      "CFITSIO",
      "CMU-Mach",
      "CMU-Mach-nodoc",
      "CNRI-Jython",
      "CNRI-Python",
      "CNRI-Python-GPL-Compatible",
      "COIL-1.0",
      "CPAL-1.0",
      "CPL-1.0",
      "CPOL-1.02",
      "CUA-OPL-1.0",
      "Caldera",
      "Caldera-no-preamble",
      "Catharon",
      "ClArtistic",
      "Clips",
      "Community-Spec-1.0",
      "Condor-1.1",
      "Cornell-Lossless-JPEG",
      "Cronyx",
      "Crossword",
      "CryptoSwift",
      "CrystalStacker",
      "Cube",
      "D-FSL-1.0",
      "DEC-3-Clause",
      "DL-DE-BY-2.0",
      "DL-DE-ZERO-2.0",
      "DOC",
      "DRL-1.0",
      "DRL-1.1",
      "DSDP",
      "DocBook-DTD",
      "DocBook-Schema",
      "DocBook-Stylesheet",
      "DocBook-XML",
      "Dotseqn",
      "ECL-1.0",
      "ECL-2.0",
      "EFL-1.0",
      "EFL-2.0",
      "EPICS",
      "EPL-1.0",
      "EPL-2.0",
      "ESA-PL-permissive-2.4",
      "ESA-PL-strong-copyleft-2.4",
      "ESA-PL-weak-copyleft-2.4",
      "EUDatagrid",
      "EUPL-1.0",
      "EUPL-1.1",
      "EUPL-1.2",
      "Elastic-2.0",
      "Entessa",
      "ErlPL-1.1",
      "Eurosym",
      "FBM",
      "FDK-AAC",
      "FDK-MPEG-H",
      "FSFAP",
      "FSFAP-no-warranty-disclaimer",
      "FSFUL",
      "FSFULLR",
      "FSFULLRSD",
      "FSFULLRWD",
      "FSL-1.1-ALv2",
      "FSL-1.1-MIT",
      "FTL",
      "Fair",
      "Ferguson-Twofish",
      "Frameworx-1.0",
      "FreeBSD-DOC",
      "FreeImage",
      "Furuseth",
      "GCR-docs",
      "GD",
      "GFDL-1.1-invariants-only",
      "GFDL-1.1-invariants-or-later",
      "GFDL-1.1-no-invariants-only",
      "GFDL-1.1-no-invariants-or-later",
      "GFDL-1.1-only",
      "GFDL-1.1-or-later",
      "GFDL-1.2-invariants-only",
      "GFDL-1.2-invariants-or-later",
      "GFDL-1.2-no-invariants-only",
      "GFDL-1.2-no-invariants-or-later",
      "GFDL-1.2-only",
      "GFDL-1.2-or-later",
      "GFDL-1.3-invariants-only",
      "GFDL-1.3-invariants-or-later",
      "GFDL-1.3-no-invariants-only",
      "GFDL-1.3-no-invariants-or-later",
      "GFDL-1.3-only",
      "GFDL-1.3-or-later",
      "GL2PS",
      "GLWTPL",
      "GPL-1.0-only",
      "GPL-1.0-or-later",
      "GPL-2.0-only",
      "GPL-2.0-or-later",
      "GPL-3.0-only",
      "GPL-3.0-or-later",
      "Game-Programming-Gems",
      "Giftware",
      "Glide",
      "Glulxe",
      "Graphics-Gems",
      "Gutmann",
      "HDF5",
      "HIDAPI",
      "HP-1986",
      "HP-1989",
      "HPND",
      "HPND-DEC",
      "HPND-Fenneberg-Livingston",
      "HPND-INRIA-IMAG",
      "HPND-Intel",
      "HPND-Kevlin-Henney",
      "HPND-MIT-disclaimer",
      "HPND-Markus-Kuhn",
      "HPND-Netrek",
      "HPND-Pbmplus",
      "HPND-SMC",
      "HPND-UC",
      "HPND-UC-export-US",
      "HPND-doc",
      "HPND-doc-sell",
      "HPND-export-US",
      "HPND-export-US-acknowledgement",
      "HPND-export-US-modify",
      "HPND-export2-US",
      "HPND-merchantability-variant",
      "HPND-sell-MIT-disclaimer-xserver",
      "HPND-sell-regexpr",
      "HPND-sell-variant",
      "HPND-sell-variant-MIT-disclaimer",
      "HPND-sell-variant-MIT-disclaimer-rev",
      "HPND-sell-variant-critical-systems",
      "HTMLTIDY",
      "HaskellReport",
      "Hippocratic-2.1",
      "Hippocratic-3.0-core",
      "IBM-pibs",
      "ICU",
      "IEC-Code-Components-EULA",
      "IJG",
      "IJG-short",
      "IPA",
      "IPL-1.0",
      "ISC",
      "ISC-Veillard",
      "ISO-permission",
      "ImageMagick",
      "Imlib2",
      "Info-ZIP",
      "Informatica",
      "Inner-Net-2.0",
      "InnoSetup",
      "Intel",
      "Intel-ACPI",
      "Interbase-1.0",
      "JPL-image",
      "JPNIC",
      "JSON",
      "Jam",
      "JasPer-2.0",
      "Kastrup",
      "Kazlib",
      "Knuth-CTAN",
      "LAL-1.2",
      "LAL-1.3",
      "LGPL-2.0-only",
      "LGPL-2.0-or-later",
      "LGPL-2.1-only",
      "LGPL-2.1-or-later",
      "LGPL-3.0-only",
      "LGPL-3.0-or-later",
      "LGPLLR",
      "LOOP",
      "LPD-document",
      "LPL-1.0",
      "LPL-1.02",
      "LPPL-1.0",
      "LPPL-1.1",
      "LPPL-1.2",
      "LPPL-1.3a",
      "LPPL-1.3c",
      "LZMA-SDK-9.11-to-9.20",
      "LZMA-SDK-9.22",
      "Latex2e",
      "Latex2e-translated-notice",
      "Leptonica",
      "LiLiQ-P-1.1",
      "LiLiQ-R-1.1",
      "LiLiQ-Rplus-1.1",
      "Libpng",
      "Linux-OpenIB",
      "Linux-man-pages-1-para",
      "Linux-man-pages-copyleft",
      "Linux-man-pages-copyleft-2-para",
      "Linux-man-pages-copyleft-var",
      "Lucida-Bitmap-Fonts",
      "MIPS",
      "MIT",
      "MIT-0",
      "MIT-CMU",
      "MIT-Click",
      "MIT-Festival",
      "MIT-Khronos-old",
      "MIT-Modern-Variant",
      "MIT-STK",
      "MIT-Wu",
      "MIT-advertising",
      "MIT-enna",
      "MIT-feh",
      "MIT-open-group",
      "MIT-testregex",
      "MITNFA",
      "MMIXware",
      "MMPL-1.0.1",
      "MPEG-SSG",
      "MPL-1.0",
      "MPL-1.1",
      "MPL-2.0",
      "MPL-2.0-no-copyleft-exception",
      "MS-LPL",
      "MS-PL",
      "MS-RL",
      "MTLL",
      "MVT-1.1",
      "Mackerras-3-Clause",
      "Mackerras-3-Clause-acknowledgment",
      "MakeIndex",
      "Martin-Birgmeier",
      "McPhee-slideshow",
      "Minpack",
      "MirOS",
      "Motosoto",
      "MulanPSL-1.0",
      "MulanPSL-2.0",
      "Multics",
      "Mup",
      "NAIST-2003",
      "NASA-1.3",
      "NBPL-1.0",
      "NCBI-PD",
      "NCGL-UK-2.0",
      "NCL",
      "NCSA",
      "NGPL",
      "NICTA-1.0",
      "NIST-PD",
      "NIST-PD-TNT",
      "NIST-PD-fallback",
      "NIST-Software",
      "NLOD-1.0",
      "NLOD-2.0",
      "NLPL",
      "NOSL",
      "NPL-1.0",
      "NPL-1.1",
      "NPOSL-3.0",
      "NRL",
      "NTIA-PD",
      "NTP",
      "NTP-0",
      "Naumen",
      "NetCDF",
      "Newsletr",
      "Nokia",
      "Noweb",
      "O-UDA-1.0",
      "OAR",
      "OCCT-PL",
      "OCLC-2.0",
      "ODC-By-1.0",
      "ODbL-1.0",
      "OFFIS",
      "OFL-1.0",
      "OFL-1.0-RFN",
      "OFL-1.0-no-RFN",
      "OFL-1.1",
      "OFL-1.1-RFN",
      "OFL-1.1-no-RFN",
      "OGC-1.0",
      "OGDL-Taiwan-1.0",
      "OGL-Canada-2.0",
      "OGL-UK-1.0",
      "OGL-UK-2.0",
      "OGL-UK-3.0",
      "OGTSL",
      "OLDAP-1.1",
      "OLDAP-1.2",
      "OLDAP-1.3",
      "OLDAP-1.4",
      "OLDAP-2.0",
      "OLDAP-2.0.1",
      "OLDAP-2.1",
      "OLDAP-2.2",
      "OLDAP-2.2.1",
      "OLDAP-2.2.2",
      "OLDAP-2.3",
      "OLDAP-2.4",
      "OLDAP-2.5",
      "OLDAP-2.6",
      "OLDAP-2.7",
      "OLDAP-2.8",
      "OLFL-1.3",
      "OML",
      "OPL-1.0",
      "OPL-UK-3.0",
      "OPUBL-1.0",
      "OSC-1.0",
      "OSET-PL-2.1",
      "OSL-1.0",
      "OSL-1.1",
      "OSL-2.0",
      "OSL-2.1",
      "OSL-3.0",
      "OSSP",
      "OpenMDW-1.0",
      "OpenPBS-2.3",
      "OpenSSL",
      "OpenSSL-standalone",
      "OpenVision",
      "PADL",
      "PDDL-1.0",
      "PHP-3.0",
      "PHP-3.01",
      "PPL",
      "PSF-2.0",
      "ParaType-Free-Font-1.3",
      "Parity-6.0.0",
      "Parity-7.0.0",
      "Pixar",
      "Plexus",
      "PolyForm-Noncommercial-1.0.0",
      "PolyForm-Small-Business-1.0.0",
      "PostgreSQL",
      "Python-2.0",
      "Python-2.0.1",
      "QPL-1.0",
      "QPL-1.0-INRIA-2004",
      "Qhull",
      "RHeCos-1.1",
      "RPL-1.1",
      "RPL-1.5",
      "RPSL-1.0",
      "RSA-MD",
      "RSCPL",
      "Rdisc",
      "Ruby",
      "Ruby-pty",
      "SAX-PD",
      "SAX-PD-2.0",
      "SCEA",
      "SGI-B-1.0",
      "SGI-B-1.1",
      "SGI-B-2.0",
      "SGI-OpenGL",
      "SGMLUG-PM",
      "SGP4",
      "SHL-0.5",
      "SHL-0.51",
      "SISSL",
      "SISSL-1.2",
      "SL",
      "SMAIL-GPL",
      "SMLNJ",
      "SMPPL",
      "SNIA",
      "SOFA",
      "SPL-1.0",
      "SSH-OpenSSH",
      "SSH-short",
      "SSLeay-standalone",
      "SSPL-1.0",
      "SUL-1.0",
      "SWL",
      "Saxpath",
      "SchemeReport",
      "Sendmail",
      "Sendmail-8.23",
      "Sendmail-Open-Source-1.1",
      "SimPL-2.0",
      "Sleepycat",
      "Soundex",
      "Spencer-86",
      "Spencer-94",
      "Spencer-99",
      "SugarCRM-1.1.3",
      "Sun-PPP",
      "Sun-PPP-2000",
      "SunPro",
      "Symlinks",
      "TAPR-OHL-1.0",
      "TCL",
      "TCP-wrappers",
      "TGPPL-1.0",
      "TMate",
      "TORQUE-1.1",
      "TOSL",
      "TPDL",
      "TPL-1.0",
      "TTWL",
      "TTYP0",
      "TU-Berlin-1.0",
      "TU-Berlin-2.0",
      "TekHVC",
      "TermReadKey",
      "ThirdEye",
      "TrustedQSL",
      "UCAR",
      "UCL-1.0",
      "UMich-Merit",
      "UPL-1.0",
      "URT-RLE",
      "Ubuntu-font-1.0",
      "UnRAR",
      "Unicode-3.0",
      "Unicode-DFS-2015",
      "Unicode-DFS-2016",
      "Unicode-TOU",
      "UnixCrypt",
      "Unlicense",
      "Unlicense-libtelnet",
      "Unlicense-libwhirlpool",
      "VOSTROM",
      "VSL-1.0",
      "Vim",
      "Vixie-Cron",
      "W3C",
      "W3C-19980720",
      "W3C-20150513",
      "WTFNMFPL",
      "WTFPL",
      "Watcom-1.0",
      "Widget-Workshop",
      "WordNet",
      "Wsuipa",
      "X11",
      "X11-distribute-modifications-variant",
      "X11-no-permit-persons",
      "X11-swapped",
      "XFree86-1.1",
      "XSkat",
      "Xdebug-1.03",
      "Xerox",
      "Xfig",
      "Xnet",
      "YPL-1.0",
      "YPL-1.1",
      "ZPL-1.1",
      "ZPL-2.0",
      "ZPL-2.1",
      "Zed",
      "Zeeff",
      "Zend-2.0",
      "Zimbra-1.3",
      "Zimbra-1.4",
      "Zlib",
      "any-OSI",
      "any-OSI-perl-modules",
      "atc-game",
      "bcrypt-Solar-Designer",
      "blessing",
      "bzip2-1.0.6",
      "check-cvs",
      "checkmk",
      "copyleft-next-0.3.0",
      "copyleft-next-0.3.1",
      "curl",
      "cve-tou",
      "diffmark",
      "dtoa",
      "dvipdfm",
      "eGenix",
      "etalab-2.0",
      "fwlw",
      "gSOAP-1.3b",
      "generic-xts",
      "gnuplot",
      "gtkbook",
      "hdparm",
      "hyphen-bulgarian",
      "iMatix",
      "jove",
      "libpng-1.6.35",
      "libpng-2.0",
      "libselinux-1.0",
      "libtiff",
      "libutil-David-Nugent",
      "lsof",
      "magaz",
      "mailprio",
      "man2html",
      "metamail",
      "mpi-permissive",
      "mpich2",
      "mplus",
      "ngrep",
      "pkgconf",
      "pnmstitch",
      "psfrag",
      "psutils",
      "python-ldap",
      "radvd",
      "snprintf",
      "softSurfer",
      "ssh-keyscan",
      "swrule",
      "threeparttable",
      "ulem",
      "w3m",
      "wwl",
      "xinetd",
      "xkeyboard-config-Zinoviev",
      "xlock",
      "xpp",
      "xzoom",
      "zlib-acknowledgement"
    ];
  }
});

// node_modules/spdx-license-ids/deprecated.json
var require_deprecated = __commonJS({
  "node_modules/spdx-license-ids/deprecated.json"(exports, module) {
    module.exports = [
      "AGPL-1.0",
      "AGPL-3.0",
      "BSD-2-Clause-FreeBSD",
      "BSD-2-Clause-NetBSD",
      "GFDL-1.1",
      "GFDL-1.2",
      "GFDL-1.3",
      "GPL-1.0",
      "GPL-2.0",
      "GPL-2.0-with-GCC-exception",
      "GPL-2.0-with-autoconf-exception",
      "GPL-2.0-with-bison-exception",
      "GPL-2.0-with-classpath-exception",
      "GPL-2.0-with-font-exception",
      "GPL-3.0",
      "GPL-3.0-with-GCC-exception",
      "GPL-3.0-with-autoconf-exception",
      "LGPL-2.0",
      "LGPL-2.1",
      "LGPL-3.0",
      "Net-SNMP",
      "Nunit",
      "StandardML-NJ",
      "bzip2-1.0.5",
      "eCos-2.0",
      "wxWindows"
    ];
  }
});

// node_modules/spdx-exceptions/index.json
var require_spdx_exceptions = __commonJS({
  "node_modules/spdx-exceptions/index.json"(exports, module) {
    module.exports = [
      "389-exception",
      "Asterisk-exception",
      "Autoconf-exception-2.0",
      "Autoconf-exception-3.0",
      "Autoconf-exception-generic",
      "Autoconf-exception-generic-3.0",
      "Autoconf-exception-macro",
      "Bison-exception-1.24",
      "Bison-exception-2.2",
      "Bootloader-exception",
      "Classpath-exception-2.0",
      "CLISP-exception-2.0",
      "cryptsetup-OpenSSL-exception",
      "DigiRule-FOSS-exception",
      "eCos-exception-2.0",
      "Fawkes-Runtime-exception",
      "FLTK-exception",
      "fmt-exception",
      "Font-exception-2.0",
      "freertos-exception-2.0",
      "GCC-exception-2.0",
      "GCC-exception-2.0-note",
      "GCC-exception-3.1",
      "Gmsh-exception",
      "GNAT-exception",
      "GNOME-examples-exception",
      "GNU-compiler-exception",
      "gnu-javamail-exception",
      "GPL-3.0-interface-exception",
      "GPL-3.0-linking-exception",
      "GPL-3.0-linking-source-exception",
      "GPL-CC-1.0",
      "GStreamer-exception-2005",
      "GStreamer-exception-2008",
      "i2p-gpl-java-exception",
      "KiCad-libraries-exception",
      "LGPL-3.0-linking-exception",
      "libpri-OpenH323-exception",
      "Libtool-exception",
      "Linux-syscall-note",
      "LLGPL",
      "LLVM-exception",
      "LZMA-exception",
      "mif-exception",
      "OCaml-LGPL-linking-exception",
      "OCCT-exception-1.0",
      "OpenJDK-assembly-exception-1.0",
      "openvpn-openssl-exception",
      "PS-or-PDF-font-exception-20170817",
      "QPL-1.0-INRIA-2004-exception",
      "Qt-GPL-exception-1.0",
      "Qt-LGPL-exception-1.1",
      "Qwt-exception-1.0",
      "SANE-exception",
      "SHL-2.0",
      "SHL-2.1",
      "stunnel-exception",
      "SWI-exception",
      "Swift-exception",
      "Texinfo-exception",
      "u-boot-exception-2.0",
      "UBDL-exception",
      "Universal-FOSS-exception-1.0",
      "vsftpd-openssl-exception",
      "WxWindows-exception-3.1",
      "x11vnc-openssl-exception"
    ];
  }
});

// node_modules/spdx-expression-parse/scan.js
var require_scan = __commonJS({
  "node_modules/spdx-expression-parse/scan.js"(exports, module) {
    "use strict";
    var licenses = [].concat(require_spdx_license_ids()).concat(require_deprecated());
    var exceptions = require_spdx_exceptions();
    module.exports = function(source) {
      var index = 0;
      function hasMore() {
        return index < source.length;
      }
      function read(value) {
        if (value instanceof RegExp) {
          var chars = source.slice(index);
          var match = chars.match(value);
          if (match) {
            index += match[0].length;
            return match[0];
          }
        } else {
          if (source.indexOf(value, index) === index) {
            index += value.length;
            return value;
          }
        }
      }
      function skipWhitespace() {
        read(/[ ]*/);
      }
      function operator() {
        var string;
        var possibilities = [/^WITH/i, /^AND/i, /^OR/i, "(", ")", ":", "+"];
        for (var i = 0; i < possibilities.length; i++) {
          string = read(possibilities[i]);
          if (string) {
            break;
          }
        }
        if (string === "+" && index > 1 && source[index - 2] === " ") {
          throw new Error("Space before `+`");
        }
        return string && {
          type: "OPERATOR",
          string: string.toUpperCase()
        };
      }
      function idstring() {
        return read(/[A-Za-z0-9-.]+/);
      }
      function expectIdstring() {
        var string = idstring();
        if (!string) {
          throw new Error("Expected idstring at offset " + index);
        }
        return string;
      }
      function documentRef() {
        if (read("DocumentRef-")) {
          var string = expectIdstring();
          return { type: "DOCUMENTREF", string };
        }
      }
      function licenseRef() {
        if (read("LicenseRef-")) {
          var string = expectIdstring();
          return { type: "LICENSEREF", string };
        }
      }
      function identifier() {
        var begin = index;
        var string = idstring();
        if (licenses.indexOf(string) !== -1) {
          return {
            type: "LICENSE",
            string
          };
        } else if (exceptions.indexOf(string) !== -1) {
          return {
            type: "EXCEPTION",
            string
          };
        }
        index = begin;
      }
      function parseToken() {
        return operator() || documentRef() || licenseRef() || identifier();
      }
      var tokens = [];
      while (hasMore()) {
        skipWhitespace();
        if (!hasMore()) {
          break;
        }
        var token = parseToken();
        if (!token) {
          throw new Error("Unexpected `" + source[index] + "` at offset " + index);
        }
        tokens.push(token);
      }
      return tokens;
    };
  }
});

// node_modules/spdx-expression-parse/parse.js
var require_parse = __commonJS({
  "node_modules/spdx-expression-parse/parse.js"(exports, module) {
    "use strict";
    module.exports = function(tokens) {
      var index = 0;
      function hasMore() {
        return index < tokens.length;
      }
      function token() {
        return hasMore() ? tokens[index] : null;
      }
      function next() {
        if (!hasMore()) {
          throw new Error();
        }
        index++;
      }
      function parseOperator(operator) {
        var t = token();
        if (t && t.type === "OPERATOR" && operator === t.string) {
          next();
          return t.string;
        }
      }
      function parseWith() {
        if (parseOperator("WITH")) {
          var t = token();
          if (t && t.type === "EXCEPTION") {
            next();
            return t.string;
          }
          throw new Error("Expected exception after `WITH`");
        }
      }
      function parseLicenseRef() {
        var begin = index;
        var string = "";
        var t = token();
        if (t.type === "DOCUMENTREF") {
          next();
          string += "DocumentRef-" + t.string + ":";
          if (!parseOperator(":")) {
            throw new Error("Expected `:` after `DocumentRef-...`");
          }
        }
        t = token();
        if (t.type === "LICENSEREF") {
          next();
          string += "LicenseRef-" + t.string;
          return { license: string };
        }
        index = begin;
      }
      function parseLicense() {
        var t = token();
        if (t && t.type === "LICENSE") {
          next();
          var node2 = { license: t.string };
          if (parseOperator("+")) {
            node2.plus = true;
          }
          var exception = parseWith();
          if (exception) {
            node2.exception = exception;
          }
          return node2;
        }
      }
      function parseParenthesizedExpression() {
        var left = parseOperator("(");
        if (!left) {
          return;
        }
        var expr = parseExpression();
        if (!parseOperator(")")) {
          throw new Error("Expected `)`");
        }
        return expr;
      }
      function parseAtom() {
        return parseParenthesizedExpression() || parseLicenseRef() || parseLicense();
      }
      function makeBinaryOpParser(operator, nextParser) {
        return function parseBinaryOp() {
          var left = nextParser();
          if (!left) {
            return;
          }
          if (!parseOperator(operator)) {
            return left;
          }
          var right = parseBinaryOp();
          if (!right) {
            throw new Error("Expected expression");
          }
          return {
            left,
            conjunction: operator.toLowerCase(),
            right
          };
        };
      }
      var parseAnd = makeBinaryOpParser("AND", parseAtom);
      var parseExpression = makeBinaryOpParser("OR", parseAnd);
      var node = parseExpression();
      if (!node || hasMore()) {
        throw new Error("Syntax error");
      }
      return node;
    };
  }
});

// node_modules/spdx-expression-parse/index.js
var require_spdx_expression_parse = __commonJS({
  "node_modules/spdx-expression-parse/index.js"(exports, module) {
    "use strict";
    var scan3 = require_scan();
    var parse2 = require_parse();
    module.exports = function(source) {
      return parse2(scan3(source));
    };
  }
});

// node_modules/array-find-index/index.js
var require_array_find_index = __commonJS({
  "node_modules/array-find-index/index.js"(exports, module) {
    "use strict";
    module.exports = function(arr, predicate, ctx) {
      if (typeof Array.prototype.findIndex === "function") {
        return arr.findIndex(predicate, ctx);
      }
      if (typeof predicate !== "function") {
        throw new TypeError("predicate must be a function");
      }
      var list = Object(arr);
      var len = list.length;
      if (len === 0) {
        return -1;
      }
      for (var i = 0; i < len; i++) {
        if (predicate.call(ctx, list[i], i, list)) {
          return i;
        }
      }
      return -1;
    };
  }
});

// node_modules/spdx-compare/node_modules/spdx-expression-parse/scan.js
var require_scan2 = __commonJS({
  "node_modules/spdx-compare/node_modules/spdx-expression-parse/scan.js"(exports, module) {
    "use strict";
    var licenses = [].concat(require_spdx_license_ids()).concat(require_deprecated());
    var exceptions = require_spdx_exceptions();
    module.exports = function(source) {
      var index = 0;
      function hasMore() {
        return index < source.length;
      }
      function read(value) {
        if (value instanceof RegExp) {
          var chars = source.slice(index);
          var match = chars.match(value);
          if (match) {
            index += match[0].length;
            return match[0];
          }
        } else {
          if (source.indexOf(value, index) === index) {
            index += value.length;
            return value;
          }
        }
      }
      function skipWhitespace() {
        read(/[ ]*/);
      }
      function operator() {
        var string;
        var possibilities = ["WITH", "AND", "OR", "(", ")", ":", "+"];
        for (var i = 0; i < possibilities.length; i++) {
          string = read(possibilities[i]);
          if (string) {
            break;
          }
        }
        if (string === "+" && index > 1 && source[index - 2] === " ") {
          throw new Error("Space before `+`");
        }
        return string && {
          type: "OPERATOR",
          string
        };
      }
      function idstring() {
        return read(/[A-Za-z0-9-.]+/);
      }
      function expectIdstring() {
        var string = idstring();
        if (!string) {
          throw new Error("Expected idstring at offset " + index);
        }
        return string;
      }
      function documentRef() {
        if (read("DocumentRef-")) {
          var string = expectIdstring();
          return { type: "DOCUMENTREF", string };
        }
      }
      function licenseRef() {
        if (read("LicenseRef-")) {
          var string = expectIdstring();
          return { type: "LICENSEREF", string };
        }
      }
      function identifier() {
        var begin = index;
        var string = idstring();
        if (licenses.indexOf(string) !== -1) {
          return {
            type: "LICENSE",
            string
          };
        } else if (exceptions.indexOf(string) !== -1) {
          return {
            type: "EXCEPTION",
            string
          };
        }
        index = begin;
      }
      function parseToken() {
        return operator() || documentRef() || licenseRef() || identifier();
      }
      var tokens = [];
      while (hasMore()) {
        skipWhitespace();
        if (!hasMore()) {
          break;
        }
        var token = parseToken();
        if (!token) {
          throw new Error("Unexpected `" + source[index] + "` at offset " + index);
        }
        tokens.push(token);
      }
      return tokens;
    };
  }
});

// node_modules/spdx-compare/node_modules/spdx-expression-parse/parse.js
var require_parse2 = __commonJS({
  "node_modules/spdx-compare/node_modules/spdx-expression-parse/parse.js"(exports, module) {
    "use strict";
    module.exports = function(tokens) {
      var index = 0;
      function hasMore() {
        return index < tokens.length;
      }
      function token() {
        return hasMore() ? tokens[index] : null;
      }
      function next() {
        if (!hasMore()) {
          throw new Error();
        }
        index++;
      }
      function parseOperator(operator) {
        var t = token();
        if (t && t.type === "OPERATOR" && operator === t.string) {
          next();
          return t.string;
        }
      }
      function parseWith() {
        if (parseOperator("WITH")) {
          var t = token();
          if (t && t.type === "EXCEPTION") {
            next();
            return t.string;
          }
          throw new Error("Expected exception after `WITH`");
        }
      }
      function parseLicenseRef() {
        var begin = index;
        var string = "";
        var t = token();
        if (t.type === "DOCUMENTREF") {
          next();
          string += "DocumentRef-" + t.string + ":";
          if (!parseOperator(":")) {
            throw new Error("Expected `:` after `DocumentRef-...`");
          }
        }
        t = token();
        if (t.type === "LICENSEREF") {
          next();
          string += "LicenseRef-" + t.string;
          return { license: string };
        }
        index = begin;
      }
      function parseLicense() {
        var t = token();
        if (t && t.type === "LICENSE") {
          next();
          var node2 = { license: t.string };
          if (parseOperator("+")) {
            node2.plus = true;
          }
          var exception = parseWith();
          if (exception) {
            node2.exception = exception;
          }
          return node2;
        }
      }
      function parseParenthesizedExpression() {
        var left = parseOperator("(");
        if (!left) {
          return;
        }
        var expr = parseExpression();
        if (!parseOperator(")")) {
          throw new Error("Expected `)`");
        }
        return expr;
      }
      function parseAtom() {
        return parseParenthesizedExpression() || parseLicenseRef() || parseLicense();
      }
      function makeBinaryOpParser(operator, nextParser) {
        return function parseBinaryOp() {
          var left = nextParser();
          if (!left) {
            return;
          }
          if (!parseOperator(operator)) {
            return left;
          }
          var right = parseBinaryOp();
          if (!right) {
            throw new Error("Expected expression");
          }
          return {
            left,
            conjunction: operator.toLowerCase(),
            right
          };
        };
      }
      var parseAnd = makeBinaryOpParser("AND", parseAtom);
      var parseExpression = makeBinaryOpParser("OR", parseAnd);
      var node = parseExpression();
      if (!node || hasMore()) {
        throw new Error("Syntax error");
      }
      return node;
    };
  }
});

// node_modules/spdx-compare/node_modules/spdx-expression-parse/index.js
var require_spdx_expression_parse2 = __commonJS({
  "node_modules/spdx-compare/node_modules/spdx-expression-parse/index.js"(exports, module) {
    "use strict";
    var scan3 = require_scan2();
    var parse2 = require_parse2();
    module.exports = function(source) {
      return parse2(scan3(source));
    };
  }
});

// node_modules/spdx-ranges/index.json
var require_spdx_ranges = __commonJS({
  "node_modules/spdx-ranges/index.json"(exports, module) {
    module.exports = [
      [
        "AFL-1.1",
        "AFL-1.2",
        "AFL-2.0",
        "AFL-2.1",
        "AFL-3.0"
      ],
      [
        "AGPL-1.0",
        [
          "AGPL-3.0",
          "AGPL-3.0-only"
        ]
      ],
      [
        "Apache-1.0",
        "Apache-1.1",
        "Apache-2.0"
      ],
      [
        "APSL-1.0",
        "APSL-1.1",
        "APSL-1.2",
        "APSL-2.0"
      ],
      [
        "Artistic-1.0",
        "Artistic-2.0"
      ],
      [
        "BitTorrent-1.0",
        "BitTorrent-1.1"
      ],
      [
        "CC-BY-1.0",
        "CC-BY-2.0",
        "CC-BY-2.5",
        "CC-BY-3.0",
        "CC-BY-4.0"
      ],
      [
        "CC-BY-NC-1.0",
        "CC-BY-NC-2.0",
        "CC-BY-NC-2.5",
        "CC-BY-NC-3.0",
        "CC-BY-NC-4.0"
      ],
      [
        "CC-BY-NC-ND-1.0",
        "CC-BY-NC-ND-2.0",
        "CC-BY-NC-ND-2.5",
        "CC-BY-NC-ND-3.0",
        "CC-BY-NC-ND-4.0"
      ],
      [
        "CC-BY-NC-SA-1.0",
        "CC-BY-NC-SA-2.0",
        "CC-BY-NC-SA-2.5",
        "CC-BY-NC-SA-3.0",
        "CC-BY-NC-SA-4.0"
      ],
      [
        "CC-BY-ND-1.0",
        "CC-BY-ND-2.0",
        "CC-BY-ND-2.5",
        "CC-BY-ND-3.0",
        "CC-BY-ND-4.0"
      ],
      [
        "CC-BY-SA-1.0",
        "CC-BY-SA-2.0",
        "CC-BY-SA-2.5",
        "CC-BY-SA-3.0",
        "CC-BY-SA-4.0"
      ],
      [
        "CDDL-1.0",
        "CDDL-1.1"
      ],
      [
        "CECILL-1.0",
        "CECILL-1.1",
        "CECILL-2.0"
      ],
      [
        "ECL-1.0",
        "ECL-2.0"
      ],
      [
        "EFL-1.0",
        "EFL-2.0"
      ],
      [
        "EPL-1.0",
        "EPL-2.0"
      ],
      [
        "EUPL-1.0",
        "EUPL-1.1"
      ],
      [
        [
          "GFDL-1.1",
          "GFDL-1.1-only"
        ],
        [
          "GFDL-1.2",
          "GFDL-1.2-only"
        ],
        [
          "GFDL-1.1-or-later",
          "GFDL-1.2-or-later",
          "GFDL-1.3",
          "GFDL-1.3-only",
          "GFDL-1.3-or-later"
        ]
      ],
      [
        [
          "GPL-1.0",
          "GPL-1.0-only"
        ],
        [
          "GPL-2.0",
          "GPL-2.0-only"
        ],
        [
          "GPL-1.0-or-later",
          "GPL-2.0-or-later",
          "GPL-3.0",
          "GPL-3.0-only",
          "GPL-3.0-or-later"
        ]
      ],
      [
        [
          "LGPL-2.0",
          "LGPL-2.0-only"
        ],
        [
          "LGPL-2.1",
          "LGPL-2.1-only"
        ],
        [
          "LGPL-2.0-or-later",
          "LGPL-2.1-or-later",
          "LGPL-3.0",
          "LGPL-3.0-only",
          "LGPL-3.0-or-later"
        ]
      ],
      [
        "LPL-1.0",
        "LPL-1.02"
      ],
      [
        "LPPL-1.0",
        "LPPL-1.1",
        "LPPL-1.2",
        "LPPL-1.3a",
        "LPPL-1.3c"
      ],
      [
        "MPL-1.0",
        "MPL-1.1",
        "MPL-2.0"
      ],
      [
        "MPL-1.0",
        "MPL-1.1",
        "MPL-2.0-no-copyleft-exception"
      ],
      [
        "NPL-1.0",
        "NPL-1.1"
      ],
      [
        "OFL-1.0",
        "OFL-1.1"
      ],
      [
        "OLDAP-1.1",
        "OLDAP-1.2",
        "OLDAP-1.3",
        "OLDAP-1.4",
        "OLDAP-2.0",
        "OLDAP-2.0.1",
        "OLDAP-2.1",
        "OLDAP-2.2",
        "OLDAP-2.2.1",
        "OLDAP-2.2.2",
        "OLDAP-2.3",
        "OLDAP-2.4",
        "OLDAP-2.5",
        "OLDAP-2.6",
        "OLDAP-2.7",
        "OLDAP-2.8"
      ],
      [
        "OSL-1.0",
        "OSL-1.1",
        "OSL-2.0",
        "OSL-2.1",
        "OSL-3.0"
      ],
      [
        "PHP-3.0",
        "PHP-3.01"
      ],
      [
        "RPL-1.1",
        "RPL-1.5"
      ],
      [
        "SGI-B-1.0",
        "SGI-B-1.1",
        "SGI-B-2.0"
      ],
      [
        "YPL-1.0",
        "YPL-1.1"
      ],
      [
        "ZPL-1.1",
        "ZPL-2.0",
        "ZPL-2.1"
      ],
      [
        "Zimbra-1.3",
        "Zimbra-1.4"
      ],
      [
        "bzip2-1.0.5",
        "bzip2-1.0.6"
      ]
    ];
  }
});

// node_modules/spdx-compare/index.js
var require_spdx_compare = __commonJS({
  "node_modules/spdx-compare/index.js"(exports) {
    var arrayFindIndex = require_array_find_index();
    var parse2 = require_spdx_expression_parse2();
    var ranges = require_spdx_ranges();
    var notALicenseIdentifier = " is not a simple license identifier";
    var rangeComparison = function(comparison) {
      return function(first, second) {
        var firstAST = parse2(first);
        if (!firstAST.hasOwnProperty("license")) {
          throw new Error('"' + first + '"' + notALicenseIdentifier);
        }
        var secondAST = parse2(second);
        if (!secondAST.hasOwnProperty("license")) {
          throw new Error('"' + second + '"' + notALicenseIdentifier);
        }
        return ranges.some(function(range) {
          var firstLicense = firstAST.license;
          var indexOfFirst = arrayFindIndex(range, function(element) {
            return element === firstLicense || Array.isArray(element) && element.indexOf(firstLicense) !== -1;
          });
          if (indexOfFirst < 0) {
            return false;
          }
          var secondLicense = secondAST.license;
          var indexOfSecond = arrayFindIndex(range, function(element) {
            return element === secondLicense || Array.isArray(element) && element.indexOf(secondLicense) !== -1;
          });
          if (indexOfSecond < 0) {
            return false;
          }
          return comparison(indexOfFirst, indexOfSecond);
        });
      };
    };
    exports.gt = rangeComparison(function(first, second) {
      return first > second;
    });
    exports.lt = rangeComparison(function(first, second) {
      return first < second;
    });
    exports.eq = rangeComparison(function(first, second) {
      return first === second;
    });
  }
});

// node_modules/spdx-satisfies/node_modules/spdx-expression-parse/scan.js
var require_scan3 = __commonJS({
  "node_modules/spdx-satisfies/node_modules/spdx-expression-parse/scan.js"(exports, module) {
    "use strict";
    var licenses = [].concat(require_spdx_license_ids()).concat(require_deprecated());
    var exceptions = require_spdx_exceptions();
    module.exports = function(source) {
      var index = 0;
      function hasMore() {
        return index < source.length;
      }
      function read(value) {
        if (value instanceof RegExp) {
          var chars = source.slice(index);
          var match = chars.match(value);
          if (match) {
            index += match[0].length;
            return match[0];
          }
        } else {
          if (source.indexOf(value, index) === index) {
            index += value.length;
            return value;
          }
        }
      }
      function skipWhitespace() {
        read(/[ ]*/);
      }
      function operator() {
        var string;
        var possibilities = ["WITH", "AND", "OR", "(", ")", ":", "+"];
        for (var i = 0; i < possibilities.length; i++) {
          string = read(possibilities[i]);
          if (string) {
            break;
          }
        }
        if (string === "+" && index > 1 && source[index - 2] === " ") {
          throw new Error("Space before `+`");
        }
        return string && {
          type: "OPERATOR",
          string
        };
      }
      function idstring() {
        return read(/[A-Za-z0-9-.]+/);
      }
      function expectIdstring() {
        var string = idstring();
        if (!string) {
          throw new Error("Expected idstring at offset " + index);
        }
        return string;
      }
      function documentRef() {
        if (read("DocumentRef-")) {
          var string = expectIdstring();
          return { type: "DOCUMENTREF", string };
        }
      }
      function licenseRef() {
        if (read("LicenseRef-")) {
          var string = expectIdstring();
          return { type: "LICENSEREF", string };
        }
      }
      function identifier() {
        var begin = index;
        var string = idstring();
        if (licenses.indexOf(string) !== -1) {
          return {
            type: "LICENSE",
            string
          };
        } else if (exceptions.indexOf(string) !== -1) {
          return {
            type: "EXCEPTION",
            string
          };
        }
        index = begin;
      }
      function parseToken() {
        return operator() || documentRef() || licenseRef() || identifier();
      }
      var tokens = [];
      while (hasMore()) {
        skipWhitespace();
        if (!hasMore()) {
          break;
        }
        var token = parseToken();
        if (!token) {
          throw new Error("Unexpected `" + source[index] + "` at offset " + index);
        }
        tokens.push(token);
      }
      return tokens;
    };
  }
});

// node_modules/spdx-satisfies/node_modules/spdx-expression-parse/parse.js
var require_parse3 = __commonJS({
  "node_modules/spdx-satisfies/node_modules/spdx-expression-parse/parse.js"(exports, module) {
    "use strict";
    module.exports = function(tokens) {
      var index = 0;
      function hasMore() {
        return index < tokens.length;
      }
      function token() {
        return hasMore() ? tokens[index] : null;
      }
      function next() {
        if (!hasMore()) {
          throw new Error();
        }
        index++;
      }
      function parseOperator(operator) {
        var t = token();
        if (t && t.type === "OPERATOR" && operator === t.string) {
          next();
          return t.string;
        }
      }
      function parseWith() {
        if (parseOperator("WITH")) {
          var t = token();
          if (t && t.type === "EXCEPTION") {
            next();
            return t.string;
          }
          throw new Error("Expected exception after `WITH`");
        }
      }
      function parseLicenseRef() {
        var begin = index;
        var string = "";
        var t = token();
        if (t.type === "DOCUMENTREF") {
          next();
          string += "DocumentRef-" + t.string + ":";
          if (!parseOperator(":")) {
            throw new Error("Expected `:` after `DocumentRef-...`");
          }
        }
        t = token();
        if (t.type === "LICENSEREF") {
          next();
          string += "LicenseRef-" + t.string;
          return { license: string };
        }
        index = begin;
      }
      function parseLicense() {
        var t = token();
        if (t && t.type === "LICENSE") {
          next();
          var node2 = { license: t.string };
          if (parseOperator("+")) {
            node2.plus = true;
          }
          var exception = parseWith();
          if (exception) {
            node2.exception = exception;
          }
          return node2;
        }
      }
      function parseParenthesizedExpression() {
        var left = parseOperator("(");
        if (!left) {
          return;
        }
        var expr = parseExpression();
        if (!parseOperator(")")) {
          throw new Error("Expected `)`");
        }
        return expr;
      }
      function parseAtom() {
        return parseParenthesizedExpression() || parseLicenseRef() || parseLicense();
      }
      function makeBinaryOpParser(operator, nextParser) {
        return function parseBinaryOp() {
          var left = nextParser();
          if (!left) {
            return;
          }
          if (!parseOperator(operator)) {
            return left;
          }
          var right = parseBinaryOp();
          if (!right) {
            throw new Error("Expected expression");
          }
          return {
            left,
            conjunction: operator.toLowerCase(),
            right
          };
        };
      }
      var parseAnd = makeBinaryOpParser("AND", parseAtom);
      var parseExpression = makeBinaryOpParser("OR", parseAnd);
      var node = parseExpression();
      if (!node || hasMore()) {
        throw new Error("Syntax error");
      }
      return node;
    };
  }
});

// node_modules/spdx-satisfies/node_modules/spdx-expression-parse/index.js
var require_spdx_expression_parse3 = __commonJS({
  "node_modules/spdx-satisfies/node_modules/spdx-expression-parse/index.js"(exports, module) {
    "use strict";
    var scan3 = require_scan3();
    var parse2 = require_parse3();
    module.exports = function(source) {
      return parse2(scan3(source));
    };
  }
});

// node_modules/spdx-satisfies/index.js
var require_spdx_satisfies = __commonJS({
  "node_modules/spdx-satisfies/index.js"(exports, module) {
    var compare = require_spdx_compare();
    var parse2 = require_spdx_expression_parse3();
    var ranges = require_spdx_ranges();
    function rangesAreCompatible(first, second) {
      return first.license === second.license || ranges.some(function(range) {
        return licenseInRange(first.license, range) && licenseInRange(second.license, range);
      });
    }
    function licenseInRange(license, range) {
      return range.indexOf(license) !== -1 || range.some(function(element) {
        return Array.isArray(element) && element.indexOf(license) !== -1;
      });
    }
    function identifierInRange(identifier, range) {
      return identifier.license === range.license || compare.gt(identifier.license, range.license) || compare.eq(identifier.license, range.license);
    }
    function licensesAreCompatible(first, second) {
      if (first.exception !== second.exception) {
        return false;
      } else if (second.hasOwnProperty("license")) {
        if (second.hasOwnProperty("plus")) {
          if (first.hasOwnProperty("plus")) {
            return rangesAreCompatible(first, second);
          } else {
            return identifierInRange(first, second);
          }
        } else {
          if (first.hasOwnProperty("plus")) {
            return identifierInRange(second, first);
          } else {
            return first.license === second.license;
          }
        }
      }
    }
    function replaceGPLOnlyOrLaterWithRanges(argument) {
      var license = argument.license;
      if (license) {
        if (endsWith(license, "-or-later")) {
          argument.license = license.replace("-or-later", "");
          argument.plus = true;
        } else if (endsWith(license, "-only")) {
          argument.license = license.replace("-only", "");
          delete argument.plus;
        }
      } else if (argument.left && argument.right) {
        argument.left = replaceGPLOnlyOrLaterWithRanges(argument.left);
        argument.right = replaceGPLOnlyOrLaterWithRanges(argument.right);
      }
      return argument;
    }
    function endsWith(string, substring) {
      return string.indexOf(substring) === string.length - substring.length;
    }
    function licenseString(e2) {
      if (e2.hasOwnProperty("noassertion")) return "NOASSERTION";
      if (e2.license) {
        return e2.license + (e2.plus ? "+" : "") + (e2.exception ? "WITH " + e2.exception : "");
      }
    }
    function expand(expression) {
      return sort(expandInner(expression));
    }
    function expandInner(expression) {
      if (!expression.conjunction) return [{ [licenseString(expression)]: expression }];
      if (expression.conjunction === "or") return expandInner(expression.left).concat(expandInner(expression.right));
      if (expression.conjunction === "and") {
        var left = expandInner(expression.left);
        var right = expandInner(expression.right);
        return left.reduce(function(result, l) {
          right.forEach(function(r) {
            result.push(Object.assign({}, l, r));
          });
          return result;
        }, []);
      }
    }
    function sort(licenseList) {
      var sortedLicenseLists = licenseList.filter(function(e2) {
        return Object.keys(e2).length;
      }).map(function(e2) {
        return Object.keys(e2).sort();
      });
      return sortedLicenseLists.map(function(list, i) {
        return list.map(function(license) {
          return licenseList[i][license];
        });
      });
    }
    function isANDCompatible(parsedExpression, parsedLicenses) {
      return parsedExpression.every(function(element) {
        return parsedLicenses.some(function(approvedLicense) {
          return licensesAreCompatible(element, approvedLicense);
        });
      });
    }
    function satisfies2(spdxExpression, arrayOfLicenses) {
      var parsedExpression = expand(replaceGPLOnlyOrLaterWithRanges(parse2(spdxExpression)));
      var parsedLicenses = arrayOfLicenses.map(function(l) {
        return replaceGPLOnlyOrLaterWithRanges(parse2(l));
      });
      for (const parsed of parsedLicenses) {
        if (parsed.hasOwnProperty("conjunction")) {
          throw new Error("Approved licenses cannot be AND or OR expressions.");
        }
      }
      return parsedExpression.some(function(o) {
        return isANDCompatible(o, parsedLicenses);
      });
    }
    module.exports = satisfies2;
  }
});

// src/cli/main.ts
import path30 from "node:path";
import { parseArgs } from "node:util";

// src/config/load.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync as existsSync9, readFileSync as readFileSync2 } from "node:fs";
import os2 from "node:os";
import path18 from "node:path";

// src/model/tool-knowledge.ts
import { createHash } from "node:crypto";
function genericToolName(driverName) {
  const key = driverName.toLowerCase().replace(/^scanfold\//, "").replace(/[^a-z0-9._-]+/g, "-");
  const hash3 = () => createHash("sha256").update(driverName).digest("hex").slice(0, 8);
  if (!/[a-z0-9]/.test(key)) return `tool-${hash3()}`;
  return /[^\x00-\x7f]/.test(driverName) ? `${key}-${hash3()}` : key;
}

// src/scanners/checkov.ts
import { rename } from "node:fs/promises";
import path4 from "node:path";

// src/scanners/adapter.ts
function toolSettings(settings) {
  return settings;
}
function driverContains(name) {
  return (driverName) => driverName.toLowerCase().includes(name);
}
var TRANSIENT_PATTERNS = [
  /TOOMANYREQUESTS/i,
  /too many requests/i,
  /\b(429|502|503|504)\b/,
  /rate limit/i,
  /connection (reset|refused)/i,
  /i\/o timeout/i,
  /TLS handshake timeout/i,
  /temporary failure in name resolution/i,
  /no such host/i,
  /EAI_AGAIN|ECONNRESET|ETIMEDOUT/,
  /failed to download/i,
  /DB download error/i,
  /unexpected EOF/i
];
function looksTransient(lines, extra = []) {
  const text3 = lines.join("\n");
  return [...TRANSIENT_PATTERNS, ...extra].some((pattern) => pattern.test(text3));
}
function outcomeOf(exit, files, options) {
  if (exit.spawnError)
    return {
      kind: "failed",
      transient: false,
      message: `${options.what} could not start: ${exit.spawnError}`
    };
  if (exit.exitCode !== null && (options.okExitCodes ?? [0]).includes(exit.exitCode))
    return { kind: "ok", files };
  const last = exit.stderrTail.at(-1) ?? "";
  return {
    kind: "failed",
    transient: looksTransient(exit.stderrTail, options.transient),
    message: `${options.what} exited with ${exit.exitCode ?? exit.signal}${last ? `: ${last.trim()}` : ""}`
  };
}

// src/scanners/common.ts
import path2 from "node:path";

// src/scanners/read-output.ts
import { readFile } from "node:fs/promises";
import path from "node:path";

// src/scanners/json-text.ts
var EncodingError = class extends Error {
  name = "EncodingError";
};
var UTF8 = new TextDecoder("utf-8");
function swapped(bytes) {
  const copy = Buffer.from(bytes);
  copy.swap16();
  return copy;
}
function decodeJsonBytes(bytes) {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 239 && b1 === 187 && b2 === 191) return UTF8.decode(bytes.subarray(3));
  if (b0 === 255 && b1 === 254 && b2 === 0 && b3 === 0 || b0 === 0 && b1 === 0 && b2 === 254)
    throw new EncodingError("UTF-32 text is not supported; save the file as UTF-8");
  if (b0 === 255 && b1 === 254 || b0 === 254 && b1 === 255) {
    const body = bytes.subarray(2);
    if (body.length % 2 !== 0)
      throw new EncodingError("UTF-16 text with an odd number of bytes (truncated)");
    const little = b0 === 255;
    return (little ? Buffer.from(body.buffer, body.byteOffset, body.length) : swapped(body)).toString("utf16le");
  }
  if (bytes.length >= 2 && b0 !== void 0 && b0 !== 0 && b1 === 0)
    throw new EncodingError(
      "looks like UTF-16 LE without a byte-order mark; save the file as UTF-8"
    );
  if (bytes.length >= 2 && b0 === 0 && b1 !== void 0 && b1 !== 0)
    throw new EncodingError(
      "looks like UTF-16 BE without a byte-order mark; save the file as UTF-8"
    );
  return UTF8.decode(bytes);
}
var OBJECT = 1;
var ARRAY = 2;
function isWhitespace(code2) {
  return code2 === 32 || code2 === 10 || code2 === 13 || code2 === 9;
}
function isDigit(code2) {
  return code2 >= 48 && code2 <= 57;
}
function isHex(code2) {
  return isDigit(code2) || code2 >= 65 && code2 <= 70 || code2 >= 97 && code2 <= 102;
}
function findJsonSyntaxError(text3) {
  const found = scan(text3);
  if (!found) return void 0;
  let line = 1;
  let lineStart = 0;
  for (let i = text3.indexOf("\n"); i !== -1 && i < found.offset; i = text3.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: found.offset - lineStart + 1, what: found.what };
}
function scan(text3) {
  const n = text3.length;
  const stack = [];
  let i = 0;
  let state = "value";
  const skipWhitespace = () => {
    while (i < n && isWhitespace(text3.charCodeAt(i))) i++;
  };
  const end = () => ({ offset: n, what: "unexpected end of input" });
  const unexpected = () => ({ offset: i, what: "unexpected character" });
  const string = () => {
    i++;
    while (i < n) {
      const code2 = text3.charCodeAt(i);
      if (code2 === 34) {
        i++;
        return void 0;
      }
      if (code2 < 32) return { offset: i, what: "control character in a string" };
      if (code2 === 92) {
        const next = text3.charCodeAt(i + 1);
        if (next === 117) {
          for (let k = 2; k < 6; k++)
            if (!isHex(text3.charCodeAt(i + k)))
              return i + k >= n ? end() : { offset: i + k, what: "invalid \\u escape" };
          i += 6;
        } else if ('"\\/bfnrt'.includes(text3[i + 1] ?? "") && i + 1 < n) i += 2;
        else return i + 1 >= n ? end() : { offset: i + 1, what: "invalid escape" };
      } else i++;
    }
    return end();
  };
  const number = () => {
    const digits = () => {
      if (!isDigit(text3.charCodeAt(i))) return false;
      while (isDigit(text3.charCodeAt(i))) i++;
      return true;
    };
    const bad = () => i >= n ? end() : { offset: i, what: "invalid number" };
    if (text3.charCodeAt(i) === 45) i++;
    if (text3.charCodeAt(i) === 48) i++;
    else if (!digits()) return bad();
    if (text3.charCodeAt(i) === 46) {
      i++;
      if (!digits()) return bad();
    }
    const e2 = text3.charCodeAt(i);
    if (e2 === 101 || e2 === 69) {
      i++;
      const sign = text3.charCodeAt(i);
      if (sign === 43 || sign === 45) i++;
      if (!digits()) return bad();
    }
    return void 0;
  };
  for (; ; ) {
    skipWhitespace();
    if (state === "value") {
      if (i >= n) return end();
      const code2 = text3.charCodeAt(i);
      if (code2 === 123 || code2 === 91) {
        i++;
        skipWhitespace();
        const close = code2 === 123 ? 125 : 93;
        if (text3.charCodeAt(i) === close) {
          i++;
          state = "after";
        } else {
          stack.push(code2 === 123 ? OBJECT : ARRAY);
          state = code2 === 123 ? "key" : "value";
        }
        continue;
      }
      let failed;
      if (code2 === 34) failed = string();
      else if (code2 === 45 || isDigit(code2)) failed = number();
      else {
        const literal = ["true", "false", "null"].find((word) => word[0] === text3[i]);
        if (!literal) return unexpected();
        for (let k = 1; k < literal.length; k++) {
          if (i + k >= n) return end();
          if (text3[i + k] !== literal[k]) return { offset: i + k, what: "unexpected character" };
        }
        i += literal.length;
      }
      if (failed) return failed;
      state = "after";
    } else if (state === "key") {
      if (i >= n) return end();
      if (text3.charCodeAt(i) !== 34) return unexpected();
      const failed = string();
      if (failed) return failed;
      skipWhitespace();
      if (i >= n) return end();
      if (text3.charCodeAt(i) !== 58) return unexpected();
      i++;
      state = "value";
    } else {
      const top = stack.at(-1);
      if (top === void 0)
        return i < n ? { offset: i, what: "unexpected content after the JSON value" } : void 0;
      if (i >= n) return end();
      const code2 = text3.charCodeAt(i);
      if (code2 === 44) {
        i++;
        state = top === OBJECT ? "key" : "value";
      } else if (code2 === (top === OBJECT ? 125 : 93)) {
        i++;
        stack.pop();
      } else return unexpected();
    }
  }
}

// src/scanners/schema-check.ts
function schemaCheck(schema) {
  return compile(schema);
}
function checkedParse(schema) {
  const isValid = schemaCheck(schema);
  return (data) => {
    if (isValid(data)) return { success: true, data };
    const parsed = schema.safeParse(data);
    return parsed.success ? { success: true, data: parsed.data } : { success: false, error: parsed.error };
  };
}
function isRecordLike(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function lengthAtLeast(text3, minimum) {
  if (text3.length < minimum) return false;
  if (text3.length >= minimum * 2) return true;
  let points = 0;
  for (const _ of text3) points++;
  return points >= minimum;
}
function withChecks(schema, base) {
  const checks = (schema._zod.def.checks ?? []).map((check) => {
    const def = check._zod.def;
    if (def.check === "min_length") {
      const minimum = def.minimum;
      return (value) => lengthAtLeast(value, minimum);
    }
    if (def.check === "number_format" && def.format === "safeint")
      return (value) => Number.isSafeInteger(value);
    throw new Error(`schemaCheck: unsupported check ${def.check}`);
  });
  if (checks.length === 0) return base;
  return (value) => base(value) && checks.every((check) => check(value));
}
var DEF_KEYS = {
  string: ["checks"],
  number: ["checks"],
  boolean: [],
  unknown: [],
  any: [],
  literal: ["values"],
  enum: ["entries"],
  optional: ["innerType"],
  nullable: ["innerType"],
  array: ["element"],
  record: ["keyType", "valueType"],
  object: ["shape", "catchall"]
};
var ANY_DEF_KEYS = ["type", "error"];
function known(type) {
  const schema = type;
  const def = schema._zod.def;
  const keys = DEF_KEYS[def.type];
  if (!keys) throw new Error(`schemaCheck: unsupported schema type ${def.type}`);
  for (const key of Object.keys(def))
    if (!keys.includes(key) && !ANY_DEF_KEYS.includes(key))
      throw new Error(`schemaCheck: unsupported ${key} on ${def.type}`);
  return schema;
}
function compile(type) {
  const schema = known(type);
  const def = schema._zod.def;
  const checked = (base) => withChecks(schema, base);
  switch (def.type) {
    case "string":
      return checked((value) => typeof value === "string");
    case "number":
      return checked((value) => typeof value === "number" && Number.isFinite(value));
    case "boolean":
      return (value) => typeof value === "boolean";
    case "unknown":
    case "any":
      return () => true;
    case "literal":
    case "enum": {
      const values = schema._zod.values;
      if (!values) throw new Error(`schemaCheck: ${def.type} without values`);
      return (value) => values.has(value);
    }
    case "optional": {
      const inner = compile(def.innerType);
      return (value) => value === void 0 || inner(value);
    }
    case "nullable": {
      const inner = compile(def.innerType);
      return (value) => value === null || inner(value);
    }
    case "array": {
      const element = compile(def.element);
      return (value) => {
        if (!Array.isArray(value)) return false;
        for (const item of value) if (!element(item)) return false;
        return true;
      };
    }
    case "record": {
      const keyDef = def.keyType._zod.def;
      if (keyDef.type !== "string" || (keyDef.checks ?? []).length > 0)
        throw new Error("schemaCheck: record keys other than z.string()");
      const item = compile(def.valueType);
      return (value) => {
        if (!isRecordLike(value)) return false;
        dropProtoKey(value);
        for (const key in value) if (!item(value[key])) return false;
        return true;
      };
    }
    case "object": {
      if (def.catchall?._zod.def.type !== "unknown")
        throw new Error("schemaCheck: objects other than z.looseObject");
      const keys = Object.keys(def.shape).filter((key) => key !== "__proto__");
      const optional = [];
      const fields = keys.map((key, index) => {
        const field = known(def.shape[key]);
        optional[index] = field._zod.def.type === "optional";
        return field._zod.def.type === "optional" ? compile(field._zod.def.innerType) : compile(field);
      });
      return (value) => {
        if (!isRecordLike(value)) return false;
        dropProtoKey(value);
        for (let index = 0; index < keys.length; index++) {
          const field = value[keys[index]];
          if (field === void 0 && optional[index]) continue;
          if (!fields[index](field)) return false;
        }
        return true;
      };
    }
    default:
      throw new Error(`schemaCheck: unsupported schema type ${def.type}`);
  }
}
function dropProtoKey(value) {
  if (Object.hasOwn(value, "__proto__")) delete value["__proto__"];
}

// src/scanners/read-output.ts
var MessageSchema = external_exports.looseObject({
  text: external_exports.string().optional(),
  markdown: external_exports.string().optional(),
  id: external_exports.string().optional()
});
var RegionSchema = external_exports.looseObject({
  startLine: external_exports.number().optional(),
  endLine: external_exports.number().optional(),
  startColumn: external_exports.number().optional(),
  endColumn: external_exports.number().optional(),
  snippet: external_exports.looseObject({ text: external_exports.string().optional() }).optional()
});
var LocationSchema = external_exports.looseObject({
  physicalLocation: external_exports.looseObject({
    artifactLocation: external_exports.looseObject({
      uri: external_exports.string().optional(),
      uriBaseId: external_exports.string().optional(),
      index: external_exports.number().optional()
    }).optional(),
    region: RegionSchema.optional(),
    contextRegion: RegionSchema.optional()
  }).optional(),
  logicalLocations: external_exports.array(
    external_exports.looseObject({ name: external_exports.string().optional(), fullyQualifiedName: external_exports.string().optional() })
  ).optional(),
  message: MessageSchema.optional()
});
var PropertyBagSchema = external_exports.looseObject({ tags: external_exports.array(external_exports.string()).optional() });
var SarifResultSchema = external_exports.looseObject({
  ruleId: external_exports.string().optional(),
  ruleIndex: external_exports.number().int().optional(),
  rule: external_exports.looseObject({ id: external_exports.string().optional(), index: external_exports.number().optional() }).optional(),
  message: MessageSchema,
  level: external_exports.enum(["none", "note", "warning", "error"]).optional(),
  locations: external_exports.array(LocationSchema).optional(),
  relatedLocations: external_exports.array(LocationSchema).optional(),
  partialFingerprints: external_exports.record(external_exports.string(), external_exports.string()).optional(),
  fingerprints: external_exports.record(external_exports.string(), external_exports.string()).optional(),
  suppressions: external_exports.array(external_exports.looseObject({ status: external_exports.string().optional() })).optional(),
  properties: PropertyBagSchema.optional()
});
var ReportingDescriptorSchema = external_exports.looseObject({
  id: external_exports.string(),
  name: external_exports.string().optional(),
  helpUri: external_exports.string().optional(),
  shortDescription: MessageSchema.optional(),
  fullDescription: MessageSchema.optional(),
  defaultConfiguration: external_exports.looseObject({ level: external_exports.enum(["none", "note", "warning", "error"]).optional() }).optional(),
  properties: PropertyBagSchema.optional()
});
var InvocationSchema = external_exports.looseObject({
  executionSuccessful: external_exports.boolean().optional(),
  exitCode: external_exports.number().optional(),
  exitCodeDescription: external_exports.string().optional(),
  toolExecutionNotifications: external_exports.array(external_exports.looseObject({ message: MessageSchema.optional(), level: external_exports.string().optional() })).optional()
});
var SarifRunSchema = external_exports.looseObject({
  tool: external_exports.looseObject({
    driver: external_exports.looseObject({
      name: external_exports.string().min(1),
      version: external_exports.string().optional(),
      semanticVersion: external_exports.string().optional(),
      informationUri: external_exports.string().optional(),
      rules: external_exports.array(ReportingDescriptorSchema).optional()
    })
  }),
  originalUriBaseIds: external_exports.record(external_exports.string(), external_exports.looseObject({ uri: external_exports.string().optional() })).optional(),
  invocations: external_exports.array(InvocationSchema).optional(),
  results: external_exports.array(SarifResultSchema).nullish()
});
var SarifLogSchema = external_exports.looseObject({
  version: external_exports.literal("2.1.0"),
  runs: external_exports.array(SarifRunSchema)
});
var checkSarifLog = checkedParse(SarifLogSchema);
function runFailure(run3) {
  const failed = (run3.invocations ?? []).find(
    (invocation) => invocation.executionSuccessful === false
  );
  if (failed) {
    const notes = [...failed.toolExecutionNotifications ?? []].filter((note) => note.level === void 0 || note.level === "error").map((note) => note.message?.text).filter((text3) => typeof text3 === "string" && text3.length > 0);
    const detail = notes[0] ?? failed.exitCodeDescription ?? (failed.exitCode !== void 0 ? `exit code ${failed.exitCode}` : void 0);
    return `its invocation reports executionSuccessful: false${detail ? ` (${detail.split("\n")[0]?.slice(0, 300)})` : ""}`;
  }
  if (run3.results === null)
    return "results: null (the tool produced no results)";
  return void 0;
}
var MAX_JSON_DEPTH = 100;
function jsonDepth(value, limit = MAX_JSON_DEPTH) {
  return depthBelow(value, 1, limit);
}
function depthBelow(node, depth, limit) {
  if (node === null || typeof node !== "object") return depth - 1;
  if (depth > limit) return depth;
  let deepest = depth;
  if (Array.isArray(node)) {
    for (const child of node) {
      if (child === null || typeof child !== "object") continue;
      deepest = Math.max(deepest, depthBelow(child, depth + 1, limit));
      if (deepest > limit) return deepest;
    }
  } else {
    for (const key in node) {
      const child = node[key];
      if (child === null || typeof child !== "object") continue;
      deepest = Math.max(deepest, depthBelow(child, depth + 1, limit));
      if (deepest > limit) return deepest;
    }
  }
  return deepest;
}
var CycloneDxVulnerabilitySchema = external_exports.looseObject({
  id: external_exports.string(),
  source: external_exports.looseObject({ name: external_exports.string().optional(), url: external_exports.string().optional() }).optional(),
  references: external_exports.array(external_exports.looseObject({ id: external_exports.string() })).optional(),
  ratings: external_exports.array(
    external_exports.looseObject({
      score: external_exports.number().optional(),
      severity: external_exports.string().optional(),
      method: external_exports.string().optional()
    })
  ).optional(),
  cwes: external_exports.array(external_exports.number()).optional(),
  description: external_exports.string().optional(),
  recommendation: external_exports.string().optional(),
  affects: external_exports.array(
    external_exports.looseObject({
      ref: external_exports.string(),
      versions: external_exports.array(
        external_exports.looseObject({
          version: external_exports.string().optional(),
          range: external_exports.string().optional(),
          status: external_exports.string().optional()
        })
      ).optional()
    })
  ).optional()
});
var CycloneDxSchema = external_exports.looseObject({
  bomFormat: external_exports.literal("CycloneDX"),
  specVersion: external_exports.string(),
  components: external_exports.array(external_exports.looseObject({ name: external_exports.string() })).optional(),
  vulnerabilities: external_exports.array(CycloneDxVulnerabilitySchema).optional()
});
var checkCycloneDx = checkedParse(CycloneDxSchema);
var OutputError = class extends Error {
  name = "OutputError";
};
function parseJsonText(label, text3) {
  let data;
  try {
    data = JSON.parse(text3);
  } catch (error) {
    const found = findJsonSyntaxError(text3);
    throw new OutputError(
      found ? `${label}: invalid JSON at line ${found.line}, column ${found.column} (${found.what})` : `${label}: invalid JSON (${jsonErrorDetail(error)})`
    );
  }
  if (jsonDepth(data) > MAX_JSON_DEPTH)
    throw new OutputError(`${label}: nested deeper than ${MAX_JSON_DEPTH} levels`);
  return data;
}
function jsonFileText(label, bytes) {
  try {
    return decodeJsonBytes(bytes);
  } catch (error) {
    if (error instanceof EncodingError) throw new OutputError(`${label}: ${error.message}`);
    throw error;
  }
}
async function readJson(file) {
  const label = path.basename(file);
  return parseJsonText(label, jsonFileText(label, await readFile(file)));
}
var issues = firstIssue;
async function readSarif(file) {
  const parsed = checkSarifLog(await readJson(file));
  if (!parsed.success)
    throw new OutputError(`${path.basename(file)}: not SARIF 2.1.0 (${issues(parsed.error)})`);
  return parsed.data;
}
async function readCycloneDx(file) {
  const parsed = checkCycloneDx(await readJson(file));
  if (!parsed.success)
    throw new OutputError(`${path.basename(file)}: not CycloneDX JSON (${issues(parsed.error)})`);
  return parsed.data;
}

// src/scanners/common.ts
function firstSemver(stdout) {
  return /\bv?(\d+\.\d+\.\d+(?:[-+][\w.]+)?)\b/.exec(stdout)?.[1];
}
function once(read) {
  let value;
  return () => value ??= read();
}
function scanOutputs(files) {
  return files.map((file) => {
    const name = path2.basename(file);
    if (file.endsWith(".sarif")) return { kind: "sarif", name, read: once(() => readSarif(file)) };
    if (file.endsWith(".cdx.json"))
      return { kind: "cyclonedx", name, read: once(() => readCycloneDx(file)) };
    return { kind: "native", name, read: once(() => readJson(file)) };
  });
}
function pairKey(name) {
  const unix = name.replaceAll("\\", "/");
  return path2.posix.join(
    path2.posix.dirname(unix),
    path2.posix.basename(unix).replace(/(\.sarif)?(\.json)?$/i, "").replace(/(?<=.)[._-](sarif|json)$/i, "")
  );
}
function nativeBeside(sarifName, outputs) {
  const key = pairKey(sarifName);
  return outputs.find((output) => output.kind === "native" && pairKey(output.name) === key);
}
async function parseOutputs(outputs, nativeJson) {
  const parsed = { sarif: [], sboms: [] };
  const paired = new Set(
    outputs.filter((output) => output.kind === "sarif").map((o) => pairKey(o.name))
  );
  for (const output of outputs) {
    if (output.kind === "sarif") parsed.sarif.push({ file: output.name, log: await output.read() });
    else if (output.kind === "cyclonedx")
      parsed.sboms.push({ file: output.name, bom: await output.read() });
    else if (nativeJson && !paired.has(pairKey(output.name))) {
      const log = output.sarif ?? nativeJson.toSarif(await output.read());
      if (!log) throw new OutputError(`${output.name}: not ${nativeJson.label}`);
      parsed.sarif.push({ file: output.name, log });
    }
  }
  return parsed;
}
function fieldsOf(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
}
function explainWith(schema, recognisable) {
  return (data) => {
    if (!recognisable(data)) return void 0;
    const parsed = schema.safeParse(data);
    return parsed.success ? void 0 : firstIssue(parsed.error);
  };
}

// src/scanners/native-sarif.ts
import path3 from "node:path";
import { pathToFileURL } from "node:url";

// src/normalize/severity.ts
function severityFromScore(score) {
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  if (score > 0) return "low";
  return "info";
}
var WORDS = new Map(
  Object.entries({
    critical: "critical",
    high: "high",
    error: "high",
    medium: "medium",
    moderate: "medium",
    warning: "medium",
    low: "low",
    negligible: "info",
    info: "info",
    note: "info",
    unknown: "info"
  })
);
function severityFromWord(word) {
  return typeof word === "string" ? WORDS.get(word.trim().toLowerCase()) : void 0;
}
function scoreOf(value) {
  const score = typeof value === "string" ? Number.parseFloat(value) : typeof value === "number" ? value : NaN;
  return Number.isFinite(score) ? score : void 0;
}
var LEVELS = /* @__PURE__ */ new Map([
  ["error", "high"],
  ["warning", "medium"],
  ["note", "low"],
  ["none", "info"]
]);
function undeclaredSeverity(result, rule2, toolDefault) {
  if (toolDefault) return toolDefault;
  const level = result.level ?? rule2?.defaultConfiguration?.level ?? "warning";
  return LEVELS.get(level) ?? "medium";
}
function scoredSeverity(bag) {
  const score = scoreOf(bag?.["security-severity"]);
  return score === void 0 ? void 0 : severityFromScore(score);
}
var TAGGED_LEVELS = ["CRITICAL", "HIGH", "MEDIUM", "LOW"];
function wordedSeverity(bag) {
  const word = severityFromWord(bag?.severity) ?? severityFromWord(bag?.["problem.severity"]);
  if (word && bag?.severity !== void 0) return word;
  const tags = bag?.tags;
  if (!tags || tags.length === 0) return void 0;
  const upper = tags.map((tag) => tag.toUpperCase());
  const tagged = TAGGED_LEVELS.find((level) => upper.includes(level));
  return tagged ? severityFromWord(tagged) ?? "info" : void 0;
}
var SCORE_FOR = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "2.0",
  info: "0.0"
};

// src/scanners/native-sarif.ts
function sarifLog(tool, version, rules, results) {
  return {
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: { name: tool, ...version ? { version } : {}, rules: [...rules.values()] }
        },
        results
      }
    ]
  };
}
function rule(rules, id, make) {
  if (!rules.has(id)) rules.set(id, make());
}
function diskPath(file) {
  return path3.posix.isAbsolute(file) ? pathToFileURL(file).href : file;
}
function location(path31, startLine, endLine, snippet) {
  const lines = startLine && startLine > 0 ? { startLine, ...endLine && endLine >= startLine ? { endLine } : {} } : {};
  const region = { ...lines, ...snippet ? { snippet: { text: snippet } } : {} };
  return [
    {
      physicalLocation: {
        artifactLocation: { uri: path31 },
        ...Object.keys(region).length > 0 ? { region } : {}
      }
    }
  ];
}
function securitySeverity(word) {
  const severity = severityFromWord(word);
  return severity ? { "security-severity": SCORE_FOR[severity] } : {};
}

// src/scanners/checkov.ts
var IAC_FILE = /(^|\/)(Dockerfile[^/]*|[^/]+\.(tf|tf\.json|bicep|dockerfile)|Chart\.yaml|serverless\.ya?ml|template\.(ya?ml|json)|docker-compose[^/]*\.ya?ml|[^/]*\.(k8s|kube)\.ya?ml)$/i;
var KUBERNETES_DIR = /(^|\/)(k8s|kubernetes|manifests|helm|charts|\.github\/workflows)\//i;
var CheckovReportSchema = external_exports.looseObject({
  check_type: external_exports.string(),
  results: external_exports.looseObject({
    failed_checks: external_exports.array(
      external_exports.looseObject({
        check_id: external_exports.string(),
        check_name: external_exports.string().optional(),
        file_path: external_exports.string(),
        repo_file_path: external_exports.string().optional(),
        file_line_range: external_exports.array(external_exports.number()).optional(),
        resource: external_exports.string().optional(),
        guideline: external_exports.string().nullish(),
        severity: external_exports.string().nullish()
      })
    )
  })
});
var CheckovPassedSchema = external_exports.looseObject({
  results: external_exports.looseObject({
    passed_checks: external_exports.array(
      external_exports.looseObject({
        check_id: external_exports.string(),
        file_path: external_exports.string(),
        repo_file_path: external_exports.string().optional(),
        resource: external_exports.string().nullish()
      })
    ).optional()
  })
});
function checkovFile(check) {
  return (check.repo_file_path || check.file_path).replace(/^\//, "");
}
function checkovPassedChecks(data) {
  const reports = external_exports.union([CheckovPassedSchema.transform((r) => [r]), external_exports.array(CheckovPassedSchema)]).safeParse(data);
  if (!reports.success) return [];
  return reports.data.flatMap(
    (report) => (report.results.passed_checks ?? []).map((check) => ({
      checkId: check.check_id,
      file: checkovFile(check),
      ...check.resource ? { resource: check.resource } : {}
    }))
  );
}
var CheckovNothingScannedSchema = external_exports.looseObject({
  checkov_version: external_exports.string(),
  resource_count: external_exports.literal(0),
  failed: external_exports.literal(0),
  passed: external_exports.number(),
  skipped: external_exports.number(),
  parsing_errors: external_exports.number().default(0)
});
function checkovJsonToSarif(data) {
  const nothing = CheckovNothingScannedSchema.safeParse(data);
  if (nothing.success) {
    const log = sarifLog("Checkov", nothing.data.checkov_version, /* @__PURE__ */ new Map(), []);
    const unparsed = nothing.data.parsing_errors;
    if (unparsed > 0)
      for (const run3 of log.runs)
        run3.invocations = [
          {
            executionSuccessful: false,
            toolExecutionNotifications: [
              { level: "error", message: { text: `${unparsed} file(s) could not be parsed` } }
            ]
          }
        ];
    return log;
  }
  const reports = external_exports.union([CheckovReportSchema.transform((r) => [r]), external_exports.array(CheckovReportSchema)]).safeParse(data);
  if (!reports.success) return void 0;
  const rules = /* @__PURE__ */ new Map();
  const results = [];
  for (const report of reports.data) {
    for (const check of report.results.failed_checks) {
      rule(rules, check.check_id, () => ({
        id: check.check_id,
        shortDescription: { text: check.check_name ?? check.check_id },
        ...check.guideline ? { helpUri: check.guideline } : {},
        properties: {
          tags: ["iac", report.check_type],
          ...securitySeverity(check.severity ?? void 0)
        }
      }));
      results.push({
        ruleId: check.check_id,
        level: "error",
        message: {
          text: `${check.check_name ?? check.check_id}${check.resource ? ` (${check.resource})` : ""}`
        },
        locations: location(
          checkovFile(check),
          check.file_line_range?.[0],
          check.file_line_range?.[1]
        )
      });
    }
  }
  return sarifLog("Checkov", void 0, rules, results);
}
var TRIVY_TWINS = [
  ["DS-1", ["CKV_DOCKER_7"]],
  // image tag :latest
  ["DS-2", ["CKV_DOCKER_3", "CKV_DOCKER_8"]],
  // runs as root
  ["DS-5", ["CKV_DOCKER_4"]],
  // ADD instead of COPY
  ["DS-26", ["CKV_DOCKER_2"]],
  // no HEALTHCHECK
  ["AWS-86", ["CKV_AWS_53"]],
  // S3 block public ACLs
  ["AWS-87", ["CKV_AWS_54"]],
  // S3 block public policy
  ["AWS-91", ["CKV_AWS_55"]],
  // S3 ignore public ACLs
  ["AWS-93", ["CKV_AWS_56"]],
  // S3 restrict public buckets
  ["AWS-94", ["CKV2_AWS_6"]],
  // S3 public access block present
  ["AWS-88", ["CKV_AWS_19"]],
  // S3 encryption at rest
  ["AWS-132", ["CKV_AWS_145"]],
  // S3 encryption with a CMK
  ["AWS-89", ["CKV_AWS_18"]],
  // S3 access logging
  ["AWS-90", ["CKV_AWS_21"]],
  // S3 versioning
  ["AWS-92", ["CKV_AWS_20"]],
  // S3 public ACL
  ["AWS-107", ["CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_260"]],
  // security group open to the world
  ["AWS-124", ["CKV_AWS_23"]],
  // security group rule without description
  // Kubernetes workloads (Checkov's manifest checks, not its PodSecurityPolicy ones)
  ["KSV-1", ["CKV_K8S_20"]],
  // allowPrivilegeEscalation
  ["KSV-5", ["CKV_K8S_39"]],
  // SYS_ADMIN capability
  ["KSV-6", ["CKV_K8S_27"]],
  // docker.sock mounted
  ["KSV-8", ["CKV_K8S_18"]],
  // host IPC
  ["KSV-9", ["CKV_K8S_19"]],
  // host network
  ["KSV-10", ["CKV_K8S_17"]],
  // host PID
  ["KSV-11", ["CKV_K8S_11"]],
  // CPU limits
  ["KSV-12", ["CKV_K8S_23"]],
  // runs as root
  ["KSV-13", ["CKV_K8S_14"]],
  // image tag :latest
  ["KSV-14", ["CKV_K8S_22"]],
  // read-only root filesystem
  ["KSV-15", ["CKV_K8S_10"]],
  // CPU requests
  ["KSV-16", ["CKV_K8S_12"]],
  // memory requests
  ["KSV-17", ["CKV_K8S_16"]],
  // privileged
  ["KSV-18", ["CKV_K8S_13"]],
  // memory limits
  ["KSV-20", ["CKV_K8S_40"]],
  // low UID
  ["KSV-22", ["CKV_K8S_25"]],
  // capabilities added
  ["KSV-24", ["CKV_K8S_26"]],
  // hostPort
  ["KSV-30", ["CKV_K8S_31"]],
  // seccomp profile
  ["KSV-36", ["CKV_K8S_38"]],
  // service account token mounted
  ["KSV-102", ["CKV_K8S_34"]],
  // Tiller deployed
  ["KSV-110", ["CKV_K8S_21"]],
  // default namespace
  ["KSV-114", ["CKV_K8S_155"]],
  // control over admission webhook configurations
  // Azure (Terraform)
  ["AZU-1", ["CKV_AZURE_17"]],
  // web app client certificates
  ["AZU-3", ["CKV_AZURE_13"]],
  // App Service authentication
  ["AZU-4", ["CKV_AZURE_70"]],
  // Function App HTTPS only
  ["AZU-5", ["CKV_AZURE_18"]],
  // web app latest HTTP version
  ["AZU-6", ["CKV_AZURE_15"]],
  // web app latest TLS
  ["AZU-7", ["CKV_AZURE_34"]],
  // blob container public access
  ["AZU-8", ["CKV_AZURE_3"]],
  // storage secure transfer (HTTPS only)
  ["AZU-9", ["CKV_AZURE_33"]],
  // queue service logging
  ["AZU-10", ["CKV_AZURE_36"]],
  // trusted Microsoft services bypass
  ["AZU-11", ["CKV_AZURE_44"]],
  // storage minimum TLS
  ["AZU-12", ["CKV_AZURE_35"]],
  // storage network default deny
  ["AZU-14", ["CKV_AZURE_40"]],
  // key expiration
  ["AZU-16", ["CKV_AZURE_110"]],
  // key vault purge protection
  ["AZU-17", ["CKV_AZURE_41"]],
  // secret expiration
  ["AZU-19", ["CKV_AZURE_31"]],
  // PostgreSQL log_connections
  ["AZU-20", ["CKV_AZURE_28", "CKV_AZURE_29"]],
  // database SSL enforced (MySQL, PostgreSQL)
  ["AZU-21", ["CKV_AZURE_32"]],
  // PostgreSQL connection_throttling
  ["AZU-24", ["CKV_AZURE_30"]],
  // PostgreSQL log_checkpoints
  ["AZU-31", ["CKV_AZURE_37"]],
  // activity log retention a year
  ["AZU-33", ["CKV_AZURE_38"]],
  // log profile captures all activities
  ["AZU-34", ["CKV_AZURE_58"]],
  // Synapse managed virtual network
  ["AZU-35", ["CKV_AZURE_104"]],
  // Data Factory public access
  ["AZU-37", ["CKV_AZURE_45"]],
  // credentials in VM custom_data
  ["AZU-38", ["CKV_AZURE_2"]],
  // managed disk encryption
  ["AZU-39", ["CKV_AZURE_149"]],
  // VM password authentication
  ["AZU-40", ["CKV_AZURE_4"]],
  // AKS logging to Azure Monitoring
  ["AZU-41", ["CKV_AZURE_6"]],
  // AKS API server authorized IP ranges
  ["AZU-42", ["CKV_AZURE_5"]],
  // AKS RBAC
  ["AZU-43", ["CKV_AZURE_7"]],
  // AKS network policy
  ["AZU-45", ["CKV_AZURE_19"]],
  // security center standard tier
  ["AZU-49", ["CKV_AZURE_12"]],
  // flow log retention > 90 days
  ["AZU-62", ["CKV_AZURE_131"]],
  // security contact email
  ["AZU-65", ["CKV_AZURE_115"]],
  // AKS private cluster
  ["AZU-66", ["CKV_AZURE_116"]],
  // AKS Azure Policy add-on
  ["AZU-67", ["CKV_AZURE_117"]],
  // AKS disk encryption set
  ["AZU-72", ["CKV_AZURE_14"]],
  // web app HTTPS only
  ["AZU-75", ["CKV_AZURE_118"]],
  // NIC IP forwarding
  // Google Cloud (Terraform)
  ["GCP-1", ["CKV_GCP_28"]],
  // bucket publicly accessible
  ["GCP-2", ["CKV_GCP_29"]],
  // uniform bucket-level access
  ["GCP-10", ["CKV_GCP_27"]],
  // default network
  ["GCP-13", ["CKV_GCP_16"]],
  // DNSSEC
  ["GCP-15", ["CKV_GCP_6"]],
  // Cloud SQL requires SSL
  ["GCP-17", ["CKV_GCP_11"]],
  // Cloud SQL publicly exposed
  ["GCP-24", ["CKV_GCP_14"]],
  // Cloud SQL backups
  ["GCP-30", ["CKV_GCP_32"]],
  // project-wide SSH keys
  ["GCP-31", ["CKV_GCP_40"]],
  // instance public IP
  ["GCP-43", ["CKV_GCP_36"]],
  // IP forwarding
  ["GCP-44", ["CKV_GCP_30"]],
  // default service account
  ["GCP-51", ["CKV_GCP_21"]],
  // GKE labels
  ["GCP-52", ["CKV_GCP_8"]],
  // GKE Stackdriver monitoring
  ["GCP-53", ["CKV_GCP_18"]],
  // GKE control plane public
  ["GCP-54", ["CKV_GCP_22"]],
  // GKE Container-Optimized OS
  ["GCP-55", ["CKV_GCP_71"]],
  // shielded GKE nodes
  ["GCP-56", ["CKV_GCP_12"]],
  // GKE network policy
  ["GCP-58", ["CKV_GCP_10"]],
  // GKE automatic upgrade
  ["GCP-59", ["CKV_GCP_64"]],
  // GKE private nodes
  ["GCP-60", ["CKV_GCP_1"]],
  // GKE Stackdriver logging
  ["GCP-61", ["CKV_GCP_20"]],
  // GKE master authorized networks
  ["GCP-63", ["CKV_GCP_9"]],
  // GKE automatic repair
  ["GCP-65", ["CKV_GCP_43"]],
  // KMS key rotation 90 days
  ["GCP-78", ["CKV_GCP_78"]]
  // bucket versioning
];
var CHECKOV_TWINS = new Map(
  TRIVY_TWINS.flatMap(([intent, checks]) => checks.map((check) => [check, intent]))
);
var looksLikeCheckov = (data) => (Array.isArray(data) ? data : [data]).some(
  (report) => "check_type" in fieldsOf(report)
);
var explainReport = explainWith(CheckovReportSchema, looksLikeCheckov);
var explainReports = explainWith(external_exports.array(CheckovReportSchema), looksLikeCheckov);
var CHECKOV_JSON = {
  label: "Checkov JSON",
  toSarif: checkovJsonToSarif,
  explain: (data) => (Array.isArray(data) ? explainReports : explainReport)(data)
};
var checkov = {
  name: "checkov",
  tool: "checkov",
  typicalSeconds: 3.2,
  title: "Checkov",
  categories: ["iac", "secret"],
  description: "Terraform, Dockerfile, Kubernetes, CloudFormation, workflows; skipped when there is none",
  outputs: "SARIF + JSON",
  env: { BC_SKIP_MAPPING: "TRUE", CHECKOV_NO_OUTPUT_PROGRESS: "1", LOG_LEVEL: "WARNING" },
  applies(_config, files) {
    const hit = files.some(
      (file) => IAC_FILE.test(file) || KUBERNETES_DIR.test(file) && /\.ya?ml$/.test(file)
    );
    return hit ? { applies: true } : { applies: false, reason: "no infrastructure-as-code files found" };
  },
  versionArgs: ["--version"],
  parseVersion: firstSemver,
  exclude: { honoured: true },
  async scan(context) {
    const args = [
      "-d",
      ".",
      "--output",
      "sarif",
      "--output",
      "json",
      "--output-file-path",
      context.workDir
    ];
    args.push("--compact", "--soft-fail", "--skip-download");
    for (const pattern of context.config.exclude) args.push("--skip-path", pattern);
    const exit = await context.exec(args);
    const outcome = outcomeOf(exit, [], { what: "checkov" });
    if (outcome.kind !== "ok") return outcome;
    const sarif = path4.join(context.workDir, "checkov.sarif");
    const json = path4.join(context.workDir, "checkov.json");
    await rename(path4.join(context.workDir, "results_sarif.sarif"), sarif);
    await rename(path4.join(context.workDir, "results_json.json"), json);
    return { kind: "ok", files: [sarif, json] };
  },
  parse: (outputs) => parseOutputs(outputs, CHECKOV_JSON),
  ownsDriver: driverContains("checkov"),
  nativeJson: CHECKOV_JSON,
  passedChecks: checkovPassedChecks,
  categoryOf: (ruleId, tags) => /^CKV2?_SECRET_/.test(ruleId) || tags.includes("secret") || tags.includes("secrets") ? "secret" : "iac",
  // Checkov's SARIF carries no severity (that needs a Prisma Cloud key).
  defaultSeverity: "medium",
  iac: { intentOf: (ruleId) => CHECKOV_TWINS.get(ruleId), twins: CHECKOV_TWINS }
};

// src/scanners/gitleaks.ts
import { existsSync } from "node:fs";
import path7 from "node:path";

// src/scanners/exclude.ts
import path6 from "node:path";

// src/normalize/paths.ts
import path5 from "node:path";
import { pathToFileURL as pathToFileURL2 } from "node:url";
var SCHEME = /^[a-z][a-z0-9+.-]*:/i;
var DRIVE = /^[A-Za-z]:[\\/]/;
function isExternalPath(value) {
  return SCHEME.test(value) && !DRIVE.test(value);
}
var memo = /* @__PURE__ */ new Map();
var MEMO_LIMIT = 2e5;
function normalizePath(uri, options) {
  const base = options.uriBaseId ? resolveBase(options.uriBaseId, options.originalUriBaseIds, /* @__PURE__ */ new Set()) ?? void 0 : void 0;
  const key = `${options.root}\0${base?.uri ?? ""}\0${base?.belowAnchor ?? ""}\0${uri}`;
  const known2 = memo.get(key);
  if (known2 !== void 0) return known2;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const value = computePath(uri, options.root, base);
  memo.set(key, value);
  return value;
}
function resolveBase(id, bases, seen) {
  if (seen.has(id)) return null;
  if (!bases || !Object.hasOwn(bases, id)) return void 0;
  seen.add(id);
  const entry = bases[id];
  const uri = typeof entry?.uri === "string" ? entry.uri : void 0;
  if (uri === void 0) return void 0;
  if (SCHEME.test(uri) || uri.startsWith("/")) return { uri, belowAnchor: "" };
  if (typeof entry?.uriBaseId !== "string") return { uri, belowAnchor: void 0 };
  const parent = resolveBase(entry.uriBaseId, bases, seen);
  if (parent === null) return null;
  if (parent === void 0) return { uri, belowAnchor: void 0 };
  const join = (above) => above === "" ? uri : above.replace(/\/?$/, "/") + uri;
  return {
    uri: join(parent.uri),
    belowAnchor: parent.belowAnchor === void 0 ? void 0 : join(parent.belowAnchor)
  };
}
function fileUriPath(uri) {
  try {
    const url = new URL(uri);
    return { host: url.hostname, path: decodeURIComponent(url.pathname) };
  } catch {
    return void 0;
  }
}
function fileUri(absolute) {
  const unc = /^\/\/([^/]+)(\/.*)?$/.exec(absolute);
  if (unc) {
    const url = new URL("file://");
    url.hostname = unc[1] ?? "";
    url.pathname = unc[2] ?? "/";
    return url.href;
  }
  if (DRIVE.test(absolute))
    return pathToFileURL2("/" + absolute).href.replace("file:////", "file:///");
  return pathToFileURL2(absolute).href;
}
function computePath(uri, rootPath, resolved) {
  const base = resolved?.uri;
  let value = uri;
  const isDrive = DRIVE.test(value);
  const hasScheme = SCHEME.test(value) && !isDrive;
  const relative = base !== void 0 && !hasScheme && !isDrive && !/^[\\/]/.test(value);
  if (relative) value = base.replace(/\/?$/, "/") + value;
  const root = rootPath.replace(/\\/g, "/").replace(/\/?$/, "/");
  if (/^file:/i.test(value)) {
    const parsed = fileUriPath(value);
    if (!parsed || parsed.host !== "" && parsed.host !== "localhost") return uri;
    value = parsed.path;
  } else if (SCHEME.test(value) && !DRIVE.test(value)) {
    return value;
  } else {
    try {
      value = decodeURIComponent(value);
    } catch {
    }
  }
  value = value.replace(/\\/g, "/");
  value = value.replace(/^\/([A-Za-z]:\/)/, "$1");
  if (value.startsWith("//")) return fileUri(value);
  if (value.startsWith(root)) value = value.slice(root.length);
  else if (value === root.slice(0, -1)) value = ".";
  else if (DRIVE.test(value)) return fileUri(value);
  else if (relative && base !== void 0 && resolved?.belowAnchor !== void 0 && !/^file:\/\/\/?$/i.test(base)) {
    let inBase = `${resolved.belowAnchor.replace(/([^/])$/, "$1/")}${uri}`;
    try {
      inBase = decodeURIComponent(inBase);
    } catch {
    }
    inBase = path5.posix.normalize(inBase.replace(/\\/g, "/").replace(/\/{2,}/g, "/"));
    if (inBase !== ".." && !inBase.startsWith("../") && !inBase.startsWith("/"))
      return inBase.replace(/^(\.\/)+/, "") || ".";
    return fileUri(path5.posix.normalize(value));
  } else if (/^file:/i.test(uri)) return fileUri(path5.posix.normalize(value));
  value = path5.posix.normalize(value);
  if (value === ".." || value.startsWith("../")) return fileUri(path5.posix.join(root, value));
  while (value.startsWith("./")) value = value.slice(2);
  if (value.startsWith("/") && !value.startsWith(root)) {
    const candidate = value.slice(1);
    if (!candidate.startsWith("/")) value = candidate;
  }
  return value === "" ? "." : value;
}

// src/scanners/exclude.ts
function isExcluded(relativePath, patterns2) {
  return patterns2.some((pattern) => {
    if (/[*?[{]/.test(pattern))
      return path6.posix.matchesGlob(relativePath, pattern.replace(/^\.\//, ""));
    const name = pattern.replace(/^\.?\/+/, "").replace(/\/+$/, "");
    if (!name) return false;
    return relativePath === name || relativePath.startsWith(`${name}/`) || relativePath.endsWith(`/${name}`) || relativePath.includes(`/${name}/`);
  });
}
function dropExcludedResults(log, patterns2, root) {
  if (patterns2.length === 0) return 0;
  let dropped = 0;
  for (const run3 of log.runs) {
    if (!run3.results) continue;
    const excluded = /* @__PURE__ */ new Map();
    const kept = run3.results.filter((result) => {
      const artifact = result.locations?.[0]?.physicalLocation?.artifactLocation;
      if (!artifact?.uri) return true;
      let byUri = excluded.get(artifact.uriBaseId);
      if (!byUri) excluded.set(artifact.uriBaseId, byUri = /* @__PURE__ */ new Map());
      let out = byUri.get(artifact.uri);
      if (out === void 0) {
        const relative = normalizePath(artifact.uri, {
          root,
          uriBaseId: artifact.uriBaseId,
          originalUriBaseIds: run3.originalUriBaseIds
        });
        out = isExcluded(relative, patterns2);
        byUri.set(artifact.uri, out);
      }
      return !out;
    });
    dropped += run3.results.length - kept.length;
    run3.results = kept;
  }
  return dropped;
}
function excludedNote(dropped) {
  return dropped > 0 ? [`${dropped} result(s) in excluded paths left out`] : [];
}

// src/scanners/gitleaks.ts
var GitleaksSchema = external_exports.array(
  external_exports.looseObject({
    RuleID: external_exports.string(),
    Description: external_exports.string().optional(),
    File: external_exports.string(),
    StartLine: external_exports.number().optional(),
    EndLine: external_exports.number().optional(),
    Commit: external_exports.string().optional(),
    Fingerprint: external_exports.string().optional(),
    Match: external_exports.string().optional(),
    Secret: external_exports.string().optional()
  })
);
function gitleaksJsonToSarif(data) {
  const parsed = GitleaksSchema.safeParse(data);
  if (!parsed.success || parsed.data.length === 0 || !("RuleID" in (parsed.data[0] ?? {})))
    return void 0;
  const rules = /* @__PURE__ */ new Map();
  const results = parsed.data.map((leak) => {
    rule(rules, leak.RuleID, () => ({
      id: leak.RuleID,
      shortDescription: { text: leak.Description ?? leak.RuleID },
      properties: { tags: ["secret"] }
    }));
    return {
      ruleId: leak.RuleID,
      message: {
        text: `${leak.RuleID} has detected secret for file ${leak.File}${leak.Commit ? ` at commit ${leak.Commit}` : ""}.`
      },
      // The match (or the secret) as the snippet: the value normalize scrubs from every output.
      locations: location(
        diskPath(leak.File),
        leak.StartLine,
        leak.EndLine,
        leak.Match ?? leak.Secret
      ),
      ...leak.Fingerprint ? { partialFingerprints: { "gitleaks/fingerprint": leak.Fingerprint } } : {}
    };
  });
  return sarifLog("gitleaks", void 0, rules, results);
}
var GITLEAKS_ERROR = /(^|\s)(ERR|FTL)\s|^fatal: /;
var explainGitleaks = explainWith(
  GitleaksSchema,
  (data) => Array.isArray(data) && data.some((leak) => "RuleID" in fieldsOf(leak))
);
var GITLEAKS_JSON = {
  label: "Gitleaks JSON",
  toSarif: gitleaksJsonToSarif,
  explain: (data) => (
    // Gitleaks 7 named its fields `rule`, `offender`, `lineNumber`: a format of its own.
    Array.isArray(data) && data.some((leak) => "offender" in fieldsOf(leak) && "rule" in fieldsOf(leak)) ? "0.rule: a Gitleaks 7 report, which is not read; use Gitleaks 8 (or its SARIF)" : explainGitleaks(data)
  )
};
var gitleaks = {
  name: "gitleaks",
  tool: "gitleaks",
  typicalSeconds: 0.1,
  title: "Gitleaks",
  categories: ["secret"],
  description: "secrets in git history (`gitleaks git`) when `.git` exists, else the directory; `--redact`",
  outputs: "SARIF",
  applies: () => ({ applies: true }),
  versionArgs: ["version"],
  parseVersion: firstSemver,
  // Gitleaks has no exclude flag; its results in excluded paths are left out after the run.
  exclude: { honoured: true },
  async scan(context) {
    const sarif = path7.join(context.workDir, "gitleaks.sarif");
    const mode = existsSync(path7.join(context.root, ".git")) ? "git" : "dir";
    const exit = await context.exec([
      mode,
      ".",
      "--report-format",
      "sarif",
      "--report-path",
      sarif,
      "--redact",
      "--exit-code",
      "0",
      "--no-banner"
    ]);
    const outcome = outcomeOf(exit, [sarif], { what: "gitleaks" });
    if (outcome.kind !== "ok") return outcome;
    const error = [...exit.stdout.split("\n"), ...exit.stderrTail].find(
      (line) => GITLEAKS_ERROR.test(line)
    );
    const scanned = [...exit.stdout.split("\n"), ...exit.stderrTail].map((line) => /(\d+) commits scanned/.exec(line)?.[1]).find(Boolean);
    return {
      ...outcome,
      notes: [`scanned ${mode === "git" ? "git history" : "the directory"}`],
      ...error ? {
        partial: `gitleaks stopped part-way (${error.replace(/^.*?\bERR\b\s*/, "").trim().slice(0, 300)})${scanned ? `; ${scanned} commits scanned` : ""}`
      } : {}
    };
  },
  async parse(outputs, context) {
    const parsed = await parseOutputs(outputs, GITLEAKS_JSON);
    let dropped = 0;
    for (const { log } of parsed.sarif)
      dropped += dropExcludedResults(log, context.exclude, context.root);
    return { ...parsed, notes: excludedNote(dropped) };
  },
  ownsDriver: driverContains("gitleaks"),
  nativeJson: GITLEAKS_JSON,
  categoryOf: () => "secret",
  // Gitleaks' SARIF carries no severity; a leaked credential is usually serious.
  defaultSeverity: "high"
};

// src/scanners/govulncheck.ts
import { existsSync as existsSync2 } from "node:fs";
import { glob, readFile as readFile2, writeFile } from "node:fs/promises";
import path8 from "node:path";
import { pathToFileURL as pathToFileURL3 } from "node:url";
function moduleDirs(files, exclude) {
  return files.filter((file) => path8.posix.basename(file) === "go.mod" && !isExcluded(file, exclude)).map((file) => path8.posix.dirname(file)).filter((dir) => !dir.split("/").some((part) => part === "vendor" || part === "testdata")).sort();
}
function localDb(context) {
  const dir = context.config.osv.dbDir;
  return dir ? path8.join(dir, "govulndb") : void 0;
}
var FrameSchema = external_exports.looseObject({
  module: external_exports.string(),
  version: external_exports.string().optional(),
  package: external_exports.string().optional(),
  function: external_exports.string().optional(),
  receiver: external_exports.string().optional(),
  position: external_exports.looseObject({
    filename: external_exports.string().optional(),
    line: external_exports.number().optional(),
    column: external_exports.number().optional()
  }).optional()
});
var MessageSchema2 = external_exports.looseObject({
  config: external_exports.looseObject({ scanner_version: external_exports.string().optional(), scan_level: external_exports.string().optional() }).optional(),
  osv: external_exports.looseObject({
    id: external_exports.string(),
    aliases: external_exports.array(external_exports.string()).optional(),
    summary: external_exports.string().optional(),
    details: external_exports.string().optional(),
    database_specific: external_exports.looseObject({ url: external_exports.string().optional() }).optional()
  }).optional(),
  finding: external_exports.looseObject({
    osv: external_exports.string(),
    fixed_version: external_exports.string().optional(),
    trace: external_exports.array(FrameSchema).min(1)
  }).optional()
});
function splitJsonStream(text3) {
  const values = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text3.length; i++) {
    const char = text3[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === "{" || char === "[") {
      if (depth === 0) start = i;
      depth++;
    } else if (char === "}" || char === "]") {
      depth--;
      if (depth === 0) values.push(JSON.parse(text3.slice(start, i + 1)));
      if (depth < 0) throw new Error(`unbalanced JSON at offset ${i}`);
    } else if (depth === 0 && !/\s/.test(char ?? "")) {
      throw new Error(`unexpected ${JSON.stringify(char)} between JSON values at offset ${i}`);
    }
  }
  if (depth !== 0 || inString) throw new Error("truncated JSON stream");
  return values;
}
var stripV = (version) => version?.replace(/^v/, "");
function symbolOf(frame) {
  const name = frame.receiver ? `${frame.receiver.replace(/^\*/, "")}.${frame.function ?? ""}` : frame.function ?? "";
  return frame.package ? `${frame.package}.${name}` : name;
}
function levelOf(trace) {
  const vulnerable = trace[0];
  return vulnerable?.function ? "called" : vulnerable?.package ? "imported" : "required";
}
var SARIF_LEVEL = {
  called: "error",
  imported: "warning",
  required: "note"
};
var MESSAGE = {
  called: "calls the vulnerable code",
  imported: "imports the vulnerable package but doesn't appear to call the vulnerable symbols",
  required: "requires the vulnerable module but doesn't import the vulnerable package"
};
function govulncheckToSarif(messages, moduleDir) {
  const osvs = new Map(messages.flatMap((m) => m.osv ? [[m.osv.id, m.osv]] : []));
  const best = /* @__PURE__ */ new Map();
  const rank = { required: 0, imported: 1, called: 2 };
  for (const { finding } of messages) {
    if (!finding) continue;
    const module = finding.trace[0]?.module ?? "";
    const key = `${finding.osv}|${module}`;
    const level = levelOf(finding.trace);
    const known2 = best.get(key);
    if (!known2 || rank[level] > rank[known2.level] || level === known2.level && finding.trace.length < known2.finding.trace.length)
      best.set(key, { finding, level });
  }
  const goMod = moduleDir === "." ? "go.mod" : `${moduleDir}/go.mod`;
  const rules = /* @__PURE__ */ new Map();
  const results = [];
  for (const { finding, level } of [...best.values()].sort(
    (a, b) => a.finding.osv < b.finding.osv ? -1 : a.finding.osv > b.finding.osv ? 1 : 0
  )) {
    const osv = osvs.get(finding.osv);
    const vulnerable = finding.trace[0];
    if (!vulnerable) continue;
    if (!rules.has(finding.osv))
      rules.set(finding.osv, {
        id: finding.osv,
        shortDescription: { text: osv?.summary ?? finding.osv },
        ...osv?.details ? { fullDescription: { text: osv.details } } : {},
        helpUri: osv?.database_specific?.url ?? `https://pkg.go.dev/vuln/${finding.osv}`,
        // SARIF tags are unique; the Go database lists some aliases twice (GO-2025-4008).
        properties: { tags: [.../* @__PURE__ */ new Set(["vulnerability", "security", ...osv?.aliases ?? []])] }
      });
    const version2 = stripV(vulnerable.version);
    const fixed = stripV(finding.fixed_version);
    const caller = finding.trace.length > 1 ? finding.trace[1] : void 0;
    const where = level === "called" && caller ? `: ${symbolOf(caller)}${caller.position?.filename ? ` (${caller.position.filename}:${caller.position.line ?? 0})` : ""} calls ${symbolOf(vulnerable)}` : "";
    const flow = [...finding.trace].reverse().filter((frame) => frame.module !== "stdlib" || frame === vulnerable).map((frame) => ({
      module: `${frame.module}${frame.version ? `@${frame.version}` : ""}`,
      location: {
        message: { text: symbolOf(frame) },
        // Only the analysed module's own frames (no version) have files in the repository.
        ...frame.position?.filename && !frame.version && frame.module !== "stdlib" ? {
          physicalLocation: {
            artifactLocation: {
              uri: moduleDir === "." ? frame.position.filename : `${moduleDir}/${frame.position.filename}`
            },
            region: {
              startLine: frame.position.line ?? 1,
              ...frame.position.column ? { startColumn: frame.position.column } : {}
            }
          }
        } : {}
      }
    }));
    results.push({
      ruleId: finding.osv,
      level: SARIF_LEVEL[level],
      message: {
        text: `${finding.osv}: ${vulnerable.module}@${vulnerable.version ?? "?"} \u2014 the module ${MESSAGE[level]}${where}.${fixed ? ` Fixed in ${fixed}.` : ""}`
      },
      locations: [{ physicalLocation: { artifactLocation: { uri: goMod } } }],
      ...level === "called" ? { codeFlows: [{ threadFlows: [{ locations: flow }] }] } : {},
      properties: {
        tags: ["vulnerability"],
        "scanfold/package": {
          name: vulnerable.module,
          ...version2 ? { version: version2 } : {},
          ...fixed ? { fixedVersion: fixed } : {},
          ecosystem: "gomod",
          ...vulnerable.module !== "stdlib" && vulnerable.version ? { purl: `pkg:golang/${vulnerable.module}@${vulnerable.version}` } : {}
        },
        "scanfold/aliases": [finding.osv, ...osv?.aliases ?? []],
        "scanfold/reachable": level === "called"
      }
    });
  }
  const version = messages.find((m) => m.config)?.config?.scanner_version;
  return {
    version: "2.1.0",
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    runs: [
      {
        tool: {
          driver: {
            name: "govulncheck",
            informationUri: "https://pkg.go.dev/golang.org/x/vuln/cmd/govulncheck",
            ...version ? { semanticVersion: version.replace(/^v/, "") } : {},
            rules: [...rules.values()]
          }
        },
        results
      }
    ]
  };
}
async function scanModule(context, dir, index) {
  const json = path8.join(context.workDir, `govulncheck-${index}.json`);
  const sarif = path8.join(context.workDir, `govulncheck-${index}.sarif`);
  const db = localDb(context);
  const args = [
    "-C",
    path8.join(context.root, dir),
    ...db ? ["-db", pathToFileURL3(db).href] : [],
    "-format",
    "json",
    "./..."
  ];
  const env = context.config.offline ? { GOPROXY: "off", GOTOOLCHAIN: "local" } : { GOTOOLCHAIN: "local" };
  const exit = await context.exec(args, env);
  const outcome = outcomeOf(exit, [], { what: `govulncheck (${dir})` });
  if (outcome.kind !== "ok") return outcome;
  await writeFile(json, exit.stdout);
  let messages;
  try {
    messages = splitJsonStream(exit.stdout).map((value) => MessageSchema2.parse(value));
  } catch (error) {
    return {
      kind: "failed",
      transient: false,
      message: `govulncheck (${dir}): unreadable JSON output: ${error instanceof Error ? error.message : String(error)}`
    };
  }
  await writeFile(sarif, JSON.stringify(govulncheckToSarif(messages, dir), null, 2));
  return { kind: "ok", files: [json, sarif] };
}
function govulncheckMessages(data) {
  const parsed = external_exports.array(MessageSchema2).safeParse(data);
  if (!parsed.success) return void 0;
  const named = parsed.data.some(
    (message) => message.config?.scanner_name === "govulncheck"
  );
  return named ? parsed.data : void 0;
}
var GOVULNCHECK_JSON = {
  label: "govulncheck JSON",
  fromText(text3) {
    try {
      return govulncheckMessages(splitJsonStream(text3));
    } catch {
      return void 0;
    }
  },
  toSarif(data) {
    const messages = govulncheckMessages(data);
    return messages ? govulncheckToSarif(messages, ".") : void 0;
  }
};
var govulncheck = {
  name: "govulncheck",
  tool: "govulncheck",
  typicalSeconds: 3.9,
  title: "govulncheck",
  description: "Go modules: known vulnerabilities, and whether the code calls them (marks the same findings of other tools reachable or not)",
  outputs: "JSON stream, converted to SARIF (one result per advisory and module, with the call path)",
  categories: ["vulnerability"],
  env: { GOFLAGS: "-mod=readonly" },
  exclude: { honoured: true },
  applies: (config, files) => moduleDirs(files, config.exclude).length > 0 ? { applies: true } : { applies: false, reason: "no go.mod" },
  versionArgs: ["-version"],
  parseVersion: (stdout) => /govulncheck@v?(\d+\.\d+\.\d+)/.exec(stdout)?.[1],
  async scan(context) {
    const db = localDb(context);
    if (context.config.offline && !(db && existsSync2(path8.join(db, "index", "modules.json"))))
      return {
        kind: "skipped",
        reason: `offline and no Go vulnerability DB in ${db ?? "(no --osv-db-dir)"}/index`
      };
    const goMods = [];
    for await (const file of glob("**/go.mod", {
      cwd: context.root,
      exclude: (name) => [".git", "node_modules", "vendor", "testdata"].includes(path8.basename(name))
    }))
      goMods.push(file.split(path8.sep).join("/"));
    const dirs = moduleDirs(goMods, context.config.exclude);
    const files = [];
    for (const [index, dir] of dirs.entries()) {
      const outcome = await scanModule(context, dir, index + 1);
      if (outcome.kind !== "ok") return outcome;
      files.push(...outcome.files);
    }
    return {
      kind: "ok",
      files,
      notes: [`analysed ${dirs.length} Go module(s): ${dirs.join(", ")}`]
    };
  },
  parse: (outputs) => parseOutputs(outputs, GOVULNCHECK_JSON),
  ownsDriver: driverContains("govulncheck"),
  nativeJson: GOVULNCHECK_JSON,
  categoryOf: () => "vulnerability"
};

// src/scanners/grype.ts
import { existsSync as existsSync4, readdirSync } from "node:fs";
import path11 from "node:path";

// src/model/finding.ts
var SEVERITIES = ["critical", "high", "medium", "low", "info"];
var SeveritySchema = external_exports.enum(SEVERITIES);
var CATEGORIES = ["vulnerability", "secret", "code", "iac", "license", "sbom"];
var CategorySchema = external_exports.enum(CATEGORIES);
var SourceSchema = external_exports.object({
  tool: external_exports.string(),
  ruleId: external_exports.string(),
  file: external_exports.string().describe("Input file (raw output) the result was read from"),
  runIndex: external_exports.number().int().nonnegative(),
  resultIndex: external_exports.number().int().nonnegative()
});
var LocationSchema2 = external_exports.object({
  path: external_exports.string(),
  startLine: external_exports.number().int().optional(),
  endLine: external_exports.number().int().optional(),
  startColumn: external_exports.number().int().optional()
});
var PackageSchema = external_exports.object({
  name: external_exports.string(),
  version: external_exports.string().optional(),
  fixedVersion: external_exports.string().optional(),
  purl: external_exports.string().optional(),
  ecosystem: external_exports.string().optional()
});
var ImageSchema = external_exports.object({
  ref: external_exports.string().describe("The image as given to --image / the image input"),
  layer: external_exports.object({
    digest: external_exports.string().optional(),
    diffId: external_exports.string().optional(),
    createdBy: external_exports.string().optional().describe("The Dockerfile instruction that made the layer")
  }).optional()
});
var FindingSchema = external_exports.object({
  id: external_exports.string(),
  fingerprint: external_exports.string(),
  category: CategorySchema,
  severity: SeveritySchema,
  /** Set when the tool rated nothing and the severity is borrowed, e.g. "Trivy AWS-0089" (its twin check). */
  severitySource: external_exports.string().optional(),
  ruleId: external_exports.string(),
  title: external_exports.string(),
  message: external_exports.string(),
  helpUri: external_exports.string().optional(),
  tools: external_exports.array(external_exports.string()).min(1),
  sources: external_exports.array(SourceSchema).min(1),
  location: LocationSchema2,
  /** Every distinct location when the finding groups several (one advisory at several lockfiles); the first is `location`. */
  locations: external_exports.array(LocationSchema2).optional(),
  cwe: external_exports.array(external_exports.string()),
  package: PackageSchema.optional(),
  cve: external_exports.string().optional(),
  ghsa: external_exports.string().optional(),
  aliases: external_exports.array(external_exports.string()).optional(),
  cvss: external_exports.number().optional(),
  /**
   * Whether the vulnerable code is reachable from the project's code, where a reachability analysis
   * (govulncheck) looked at this package and advisory: true = called, false = imported or required
   * but never called. Unset where nothing analysed it.
   */
  reachable: external_exports.boolean().optional(),
  /** Set for findings in a scanned container image; unset for the directory's own files. */
  image: ImageSchema.optional(),
  /** Suppressed at the source (e.g. `nosemgrep`, a SARIF `suppressions` entry): reported, never gating. */
  suppressed: external_exports.boolean().optional(),
  /** A secret found in git history: the commit it was found in (Gitleaks' `commitSha`). */
  commit: external_exports.string().optional(),
  /** That secret is no longer at this place in the scanned tree (file or value gone since). */
  removedSince: external_exports.boolean().optional(),
  /** Who accepted the risk and why: a config suppression or the tool's own ignore comment. */
  suppression: external_exports.object({
    /** config: .scanfold.yml; inline: the tool's ignore comment; policy: a licence the licence policy allows. */
    source: external_exports.enum(["config", "inline", "policy"]),
    reason: external_exports.string(),
    expires: external_exports.string().optional()
  }).optional(),
  /** Compared with the baseline report, when one was given. */
  baseline: external_exports.enum(["new", "unchanged"]).optional(),
  /** Compliance controls this finding falls under, e.g. `owasp-top10-2021:A03`. */
  compliance: external_exports.array(external_exports.string()).optional()
});
var severityRank = {
  critical: 4,
  high: 3,
  medium: 2,
  low: 1,
  info: 0
};

// src/model/sarif-properties.ts
var KEYS = {
  package: "scanfold/package",
  aliases: "scanfold/aliases",
  cwe: "scanfold/cwe",
  cvss: "scanfold/cvss",
  severity: "scanfold/severity",
  severitySource: "scanfold/severitySource",
  findingId: "scanfold/findingId",
  image: "scanfold/image",
  reachable: "scanfold/reachable"
};
var KEY_LIST = Object.entries(KEYS);
var FINGERPRINT_KEY = "scanfold/v1";
var isString = (value) => typeof value === "string";
var isStringArray = (value) => Array.isArray(value) && value.every(isString);
function packageOf(value) {
  if (typeof value !== "object" || value === null) return void 0;
  const record = value;
  if (!isString(record.name) || record.name === "") return void 0;
  const pkg = { name: record.name };
  for (const key of ["version", "fixedVersion", "purl", "ecosystem"]) {
    const field = record[key];
    if (isString(field)) pkg[key] = field;
  }
  return pkg;
}
function cvssOf(value) {
  const score = typeof value === "number" ? value : isString(value) ? Number.parseFloat(value) : NaN;
  return Number.isFinite(score) ? score : void 0;
}
function readScanfoldProperties(bag) {
  if (!bag) return {};
  const read = {};
  const pkg = packageOf(bag[KEYS.package]);
  if (pkg) read.package = pkg;
  const aliases = bag[KEYS.aliases];
  if (isStringArray(aliases)) read.aliases = aliases;
  const cwe = bag[KEYS.cwe];
  if (isStringArray(cwe)) read.cwe = cwe;
  const cvss = cvssOf(bag[KEYS.cvss]);
  if (cvss !== void 0) read.cvss = cvss;
  const severity = bag[KEYS.severity];
  if (isString(severity) && SEVERITIES.includes(severity))
    read.severity = severity;
  const source = bag[KEYS.severitySource];
  if (isString(source)) read.severitySource = source;
  const findingId = bag[KEYS.findingId];
  if (isString(findingId)) read.findingId = findingId;
  const imageValue = bag[KEYS.image];
  if (imageValue !== void 0) {
    const image = ImageSchema.safeParse(imageValue);
    if (image.success) read.image = image.data;
  }
  const reachable = bag[KEYS.reachable];
  if (typeof reachable === "boolean") read.reachable = reachable;
  return read;
}
function writeScanfoldProperties(bag, properties) {
  const written = { ...bag };
  for (const [name, key] of KEY_LIST) {
    const value = properties[name];
    if (value !== void 0) written[key] = value;
  }
  return written;
}

// src/scanners/enrich.ts
async function parseEnriched(outputs, tool) {
  const parsed = await parseOutputs(outputs, tool.nativeJson);
  for (const { file, log } of parsed.sarif) {
    const native = nativeBeside(file, outputs);
    if (native && native.name !== file)
      annotateVulnerabilities(log, tool.details(await native.read()), tool.keyOf);
  }
  return parsed;
}
function vulnerabilityKey(id, name, version) {
  return `${id.toUpperCase()}|${name.toLowerCase()}|${version ?? ""}`;
}
function annotateVulnerabilities(log, details, keyOf) {
  for (const run3 of log.runs) {
    for (const result of run3.results ?? []) {
      const key = keyOf(result.ruleId ?? "", result.message.text ?? "");
      const detail = key ? details.get(key) : void 0;
      if (!detail) continue;
      result.properties = writeScanfoldProperties(result.properties, {
        aliases: detail.aliases,
        package: detail.package,
        ...detail.cwe.length ? { cwe: detail.cwe } : {}
      });
    }
  }
}

// src/plan/image.ts
import { existsSync as existsSync3, statSync } from "node:fs";
import path9 from "node:path";
var PREFIXED = ["docker-archive", "oci-dir", "docker", "registry"];
function parseImageRef(ref, root) {
  const text3 = ref.trim();
  if (!text3) throw new ConfigurationError("image: empty image reference");
  if (/[\0\r\n]/.test(text3))
    throw new ConfigurationError(`image ${JSON.stringify(ref)}: contains a control character`);
  for (const kind of PREFIXED) {
    if (!text3.startsWith(`${kind}:`)) continue;
    const rest = text3.slice(kind.length + 1);
    if (!rest) throw new ConfigurationError(`image ${text3}: nothing after "${kind}:"`);
    if (rest.startsWith("-"))
      throw new ConfigurationError(`image ${text3}: must not start with "-" after "${kind}:"`);
    const local = kind === "docker-archive" || kind === "oci-dir";
    return { ref: text3, kind, source: local ? path9.resolve(root, rest) : rest };
  }
  if (text3.startsWith("-")) throw new ConfigurationError(`image ${text3}: must not start with "-"`);
  return { ref: text3, kind: "auto", source: text3 };
}
function checkLocalImage(image) {
  if (image.kind !== "docker-archive" && image.kind !== "oci-dir") return;
  if (!existsSync3(image.source))
    throw new ConfigurationError(`image ${image.ref}: ${image.source} does not exist`);
  const isDir = statSync(image.source).isDirectory();
  if (image.kind === "docker-archive" && isDir)
    throw new ConfigurationError(
      `image ${image.ref}: ${image.source} is a directory; a docker-archive is a tar file (an OCI layout directory is oci-dir:)`
    );
  if (image.kind === "oci-dir" && !existsSync3(path9.join(image.source, "index.json")))
    throw new ConfigurationError(
      `image ${image.ref}: ${image.source} is not an OCI image layout (no index.json)`
    );
}
function syftSource(image) {
  return image.kind === "auto" ? image.source : `${image.kind}:${image.source}`;
}
function trivyImageArgs(image) {
  switch (image.kind) {
    case "docker-archive":
    case "oci-dir":
      return ["--input", image.source];
    case "docker":
      return ["--image-src", "docker", image.source];
    case "registry":
      return ["--image-src", "remote", image.source];
    case "auto":
      return [image.source];
  }
}
function imageFileStem(tool, index) {
  return `${tool}-image-${index}`;
}
function imageIndexOf(file, tool) {
  const match = new RegExp(`^${tool}-image-(\\d+)\\.`).exec(path9.basename(file));
  return match?.[1] ? Number(match[1]) : void 0;
}

// src/scanners/image-output.ts
import { execFile } from "node:child_process";
import { readFile as readFile3 } from "node:fs/promises";
import { promisify } from "node:util";
import path10 from "node:path";
function splitImageOutputs(outputs, tool) {
  const directory = [];
  const images = /* @__PURE__ */ new Map();
  for (const output of outputs) {
    const index = imageIndexOf(output.name, tool);
    if (index === void 0) directory.push(output);
    else images.set(index, [...images.get(index) ?? [], output]);
  }
  return { directory, images };
}
function imageRefFor(config, index, recorded) {
  return config.images[index - 1]?.ref ?? recorded ?? `image-${index}`;
}
function annotateImageResults(log, ref, layerOf) {
  for (const run3 of log.runs) {
    for (const result of run3.results ?? []) {
      const layer = layerOf(result.ruleId ?? "", result.message.text ?? "");
      const image = { ref, ...layer ? { layer } : {} };
      result.properties = { ...result.properties, "scanfold/image": image };
      result.locations = [{ physicalLocation: { artifactLocation: { uri: ref } } }];
    }
  }
}
function addParsed(into, from) {
  into.sarif.push(...from.sarif);
  into.sboms.push(...from.sboms);
}
var TrivyLayerSchema = external_exports.looseObject({
  Digest: external_exports.string().optional(),
  DiffID: external_exports.string().optional(),
  CreatedBy: external_exports.string().optional()
});
var TrivyImageReportSchema = external_exports.looseObject({
  ArtifactName: external_exports.string().optional(),
  Metadata: external_exports.looseObject({
    ImageConfig: external_exports.looseObject({
      history: external_exports.array(
        external_exports.looseObject({
          created_by: external_exports.string().optional(),
          empty_layer: external_exports.boolean().optional()
        })
      ).nullish(),
      rootfs: external_exports.looseObject({ diff_ids: external_exports.array(external_exports.string()).nullish() }).optional()
    }).optional()
  }).optional(),
  Results: external_exports.array(
    external_exports.looseObject({
      Vulnerabilities: external_exports.array(
        external_exports.looseObject({
          VulnerabilityID: external_exports.string(),
          PkgName: external_exports.string(),
          InstalledVersion: external_exports.string().optional(),
          Layer: TrivyLayerSchema.optional()
        })
      ).nullish()
    })
  ).nullish()
});
function createdByDiffId(history, diffIds) {
  const byDiffId = /* @__PURE__ */ new Map();
  const layers = history.filter((entry) => !entry.empty_layer);
  diffIds.forEach((diffId, index) => {
    const createdBy = layers[index]?.created_by;
    if (createdBy) byDiffId.set(diffId, createdBy);
  });
  return byDiffId;
}
var ImageConfigSchema = external_exports.looseObject({
  history: external_exports.array(
    external_exports.looseObject({ created_by: external_exports.string().optional(), empty_layer: external_exports.boolean().optional() })
  ).nullish(),
  rootfs: external_exports.looseObject({ diff_ids: external_exports.array(external_exports.string()).nullish() }).optional()
});
var readFromTar = async (archive, member) => (await promisify(execFile)("tar", ["-xOf", archive, member], { maxBuffer: 64 * 1024 * 1024 })).stdout;
async function localImageHistory(image) {
  try {
    let config;
    if (image.kind === "docker-archive") {
      const manifest = JSON.parse(await readFromTar(image.source, "manifest.json"));
      const member = manifest[0]?.Config;
      if (!member) return /* @__PURE__ */ new Map();
      config = JSON.parse(await readFromTar(image.source, member));
    } else if (image.kind === "oci-dir") {
      const blob = async (digest) => JSON.parse(
        await readFile3(
          path10.join(image.source, "blobs", ...digest.split(":").slice(0, 2)),
          "utf8"
        )
      );
      const index = JSON.parse(await readFile3(path10.join(image.source, "index.json"), "utf8"));
      const manifestDigest = index.manifests?.[0]?.digest;
      if (!manifestDigest) return /* @__PURE__ */ new Map();
      const manifest = await blob(manifestDigest);
      if (!manifest.config?.digest) return /* @__PURE__ */ new Map();
      config = await blob(manifest.config.digest);
    } else return /* @__PURE__ */ new Map();
    const parsed = ImageConfigSchema.parse(config);
    return createdByDiffId(parsed.history ?? [], parsed.rootfs?.diff_ids ?? []);
  } catch {
    return /* @__PURE__ */ new Map();
  }
}
function noImageLayers() {
  return { ref: void 0, layers: /* @__PURE__ */ new Map() };
}
function trivyImageLayers(data, keyOf) {
  const report = TrivyImageReportSchema.parse(data);
  const config = report.Metadata?.ImageConfig;
  const createdBy = createdByDiffId(config?.history ?? [], config?.rootfs?.diff_ids ?? []);
  const layers = /* @__PURE__ */ new Map();
  for (const target of report.Results ?? []) {
    for (const v of target.Vulnerabilities ?? []) {
      const diffId = v.Layer?.DiffID;
      const instruction = v.Layer?.CreatedBy ?? (diffId ? createdBy.get(diffId) : void 0);
      layers.set(keyOf(v.VulnerabilityID, v.PkgName, v.InstalledVersion), {
        ...v.Layer?.Digest ? { digest: v.Layer.Digest } : {},
        ...diffId ? { diffId } : {},
        ...instruction ? { createdBy: instruction } : {}
      });
    }
  }
  return { ref: report.ArtifactName, layers };
}
var GrypeImageReportSchema = external_exports.looseObject({
  source: external_exports.looseObject({ target: external_exports.looseObject({ userInput: external_exports.string().optional() }).optional() }).optional(),
  matches: external_exports.array(
    external_exports.looseObject({
      vulnerability: external_exports.looseObject({ id: external_exports.string() }),
      artifact: external_exports.looseObject({
        name: external_exports.string(),
        version: external_exports.string().optional(),
        locations: external_exports.array(external_exports.looseObject({ path: external_exports.string().optional(), layerID: external_exports.string().optional() })).optional()
      })
    })
  )
});
function grypeImageLayers(data, keyOf) {
  const report = GrypeImageReportSchema.parse(data);
  const layers = /* @__PURE__ */ new Map();
  for (const match of report.matches) {
    const diffId = match.artifact.locations?.find((location2) => location2.layerID)?.layerID;
    if (!diffId) continue;
    layers.set(
      keyOf(
        `${match.vulnerability.id}-${match.artifact.name}`,
        match.artifact.name,
        match.artifact.version
      ),
      { diffId }
    );
  }
  return { ref: report.source?.target?.userInput, layers };
}

// src/scanners/grype.ts
var DB_FAILURE = [
  /failed to (load|update|check for) vulnerability d(b|atabase)/i,
  /unable to (update|download|check)/i
];
function hasDatabase(cacheDir) {
  if (!existsSync4(cacheDir)) return false;
  return readdirSync(cacheDir).some(
    (entry) => existsSync4(path11.join(cacheDir, entry, "vulnerability.db"))
  );
}
function packageFromGrypeMessage(message) {
  const match = /in ([\w.-]+ )?package: ([^,\s]+), version ([^\s]+) was found/.exec(message);
  if (!match?.[2]) return void 0;
  return {
    name: match[2],
    ...match[3] ? { version: match[3] } : {},
    ...match[1] ? { ecosystem: match[1].trim() } : {}
  };
}
function severityFromGrypeMessage(message) {
  return severityFromWord(/^An? (\w+) vulnerability in /.exec(message)?.[1]);
}
function severityOfGrypeRule(rule2) {
  const short = rule2.shortDescription?.text ?? "";
  const help = rule2.help?.text ?? "";
  return severityFromWord(/^\S+ (\w+) vulnerability for /.exec(short)?.[1]) ?? severityFromWord(/^Severity: (\w+)\r?$/m.exec(help)?.[1]);
}
var GrypeMatchSchema = external_exports.looseObject({
  vulnerability: external_exports.looseObject({
    id: external_exports.string(),
    severity: external_exports.string().optional(),
    description: external_exports.string().optional(),
    dataSource: external_exports.string().optional(),
    fix: external_exports.looseObject({ versions: external_exports.array(external_exports.string()).optional() }).optional(),
    cwes: external_exports.array(external_exports.looseObject({ cwe: external_exports.string() })).optional(),
    cvss: external_exports.array(external_exports.looseObject({ metrics: external_exports.looseObject({ baseScore: external_exports.number().optional() }) })).optional()
  }),
  relatedVulnerabilities: external_exports.array(external_exports.looseObject({ id: external_exports.string() })).optional(),
  artifact: external_exports.looseObject({
    name: external_exports.string(),
    version: external_exports.string().optional(),
    purl: external_exports.string().optional(),
    type: external_exports.string().optional(),
    locations: external_exports.array(external_exports.looseObject({ path: external_exports.string() })).optional()
  })
});
var GrypeReportSchema = external_exports.looseObject({
  matches: external_exports.array(GrypeMatchSchema),
  descriptor: external_exports.looseObject({ name: external_exports.literal("grype") }),
  source: external_exports.looseObject({
    type: external_exports.string().optional(),
    target: external_exports.union([
      external_exports.string(),
      external_exports.looseObject({ userInput: external_exports.string().optional(), imageID: external_exports.string().optional() })
    ]).optional()
  }).optional()
});
function grypeRuleId(match) {
  return `${match.vulnerability.id}-${match.artifact.name}`;
}
function grypeMatchDetail(match) {
  const { vulnerability, artifact } = match;
  const fixed = vulnerability.fix?.versions?.[0];
  return {
    aliases: [
      vulnerability.id,
      ...(match.relatedVulnerabilities ?? []).map((related) => related.id)
    ],
    package: {
      name: artifact.name,
      ...artifact.version ? { version: artifact.version } : {},
      ...fixed ? { fixedVersion: fixed } : {},
      ...artifact.purl ? { purl: artifact.purl } : {},
      ...artifact.type ? { ecosystem: artifact.type } : {}
    },
    cwe: [...new Set((vulnerability.cwes ?? []).map((entry) => entry.cwe))]
  };
}
function grypeDetails(data) {
  const report = GrypeReportSchema.parse(data);
  const details = /* @__PURE__ */ new Map();
  for (const match of report.matches) {
    details.set(
      vulnerabilityKey(grypeRuleId(match), match.artifact.name, match.artifact.version),
      grypeMatchDetail(match)
    );
  }
  return details;
}
function grypeResultKey(ruleId, message) {
  const pkg = packageFromGrypeMessage(message);
  return pkg ? vulnerabilityKey(ruleId, pkg.name, pkg.version) : void 0;
}
function grypeJsonToSarif(data) {
  const parsed = GrypeReportSchema.safeParse(data);
  if (!parsed.success) return void 0;
  const rules = /* @__PURE__ */ new Map();
  const results = parsed.data.matches.map((match) => {
    const { vulnerability, artifact } = match;
    const id = grypeRuleId(match);
    const score = Math.max(0, ...(vulnerability.cvss ?? []).map((c) => c.metrics.baseScore ?? 0));
    rule(rules, id, () => ({
      id,
      shortDescription: {
        text: `${vulnerability.id} ${vulnerability.severity ?? ""} vulnerability for ${artifact.name} package`
      },
      ...vulnerability.dataSource ? { helpUri: vulnerability.dataSource } : {},
      properties: score > 0 ? { "security-severity": score.toFixed(1) } : securitySeverity(vulnerability.severity)
    }));
    const file = artifact.locations?.[0]?.path ?? ".";
    return {
      ruleId: id,
      message: {
        text: `A ${(vulnerability.severity ?? "unknown").toLowerCase()} vulnerability in ${artifact.type ?? ""} package: ${artifact.name}, version ${artifact.version ?? ""} was found at: ${file}`
      },
      locations: location(file, 1),
      properties: (() => {
        const detail = grypeMatchDetail(match);
        return writeScanfoldProperties(void 0, {
          aliases: detail.aliases,
          package: detail.package,
          cwe: detail.cwe
        });
      })()
    };
  });
  const log = sarifLog("Grype", void 0, rules, results);
  const { source } = parsed.data;
  if (source?.type === "image") {
    const target = typeof source.target === "object" ? source.target : void 0;
    annotateImageResults(
      log,
      target?.userInput || target?.imageID || "container-image",
      () => void 0
    );
  }
  return log;
}
var GRYPE_OUTPUT = {
  nativeJson: {
    label: "Grype JSON",
    toSarif: grypeJsonToSarif,
    explain: explainWith(
      GrypeReportSchema,
      (data) => fieldsOf(fieldsOf(data).descriptor).name === "grype"
    )
  },
  details: grypeDetails,
  keyOf: grypeResultKey
};
var GRYPE_SETTINGS = toolSettings({
  key: "grype",
  schema: external_exports.object({ dbCacheDir: external_exports.string(), dbUpdateUrl: external_exports.string().url() }).partial().strict(),
  resolve: (section2, { root, cacheBase }) => ({
    dbCacheDir: path11.resolve(root, section2?.dbCacheDir ?? path11.join(cacheBase, "grype-db")),
    dbUpdateUrl: section2?.dbUpdateUrl
  })
});
var grype = {
  name: "grype",
  tool: "grype",
  typicalSeconds: 0.2,
  title: "Grype",
  description: "vulnerabilities in Syft's SBOM",
  outputs: "SARIF + JSON",
  categories: ["vulnerability"],
  settings: GRYPE_SETTINGS,
  dependsOn: ["syft"],
  env: { GRYPE_CHECK_FOR_APP_UPDATE: "false" },
  applies: () => ({ applies: true }),
  versionArgs: ["--version"],
  parseVersion: firstSemver,
  // Syft's SBOM already leaves excluded paths out; matches in excluded paths (grype catalogued the
  // directory itself, or another SBOM was given) are left out after the run.
  exclude: { honoured: true },
  async scan(context) {
    const { grype: settings, offline } = context.config;
    if (offline && !hasDatabase(settings.dbCacheDir)) {
      return {
        kind: "skipped",
        reason: `offline and no vulnerability DB in ${settings.dbCacheDir}`
      };
    }
    const syftFiles = context.upstream.get("syft") ?? [];
    const sbom = syftFiles.find((file) => path11.basename(file) === "syft.cdx.json");
    const source = sbom ? `sbom:${sbom}` : "dir:.";
    const sarif = path11.join(context.workDir, "grype.sarif");
    const json = path11.join(context.workDir, "grype.json");
    const env = {
      GRYPE_DB_CACHE_DIR: settings.dbCacheDir,
      GRYPE_DB_AUTO_UPDATE: offline ? "false" : "true",
      GRYPE_DB_VALIDATE_AGE: offline ? "false" : "true"
    };
    if (settings.dbUpdateUrl) env.GRYPE_DB_UPDATE_URL = settings.dbUpdateUrl;
    const args = [source, "-o", `sarif=${sarif}`, "-o", `json=${json}`];
    const exit = await context.exec(args, env);
    const notes = sbom ? [] : ["no Syft SBOM available: grype catalogued the directory itself"];
    const outcome = outcomeOf(exit, [sarif, json], { what: "grype", transient: DB_FAILURE });
    if (outcome.kind !== "ok") return outcome;
    for (const [position, image] of context.config.images.entries()) {
      const index = position + 1;
      const stem = path11.join(context.workDir, imageFileStem("grype", index));
      const imageSbom = syftFiles.find((file) => imageIndexOf(file, "syft") === index);
      const scanned = outcomeOf(
        await context.exec(
          [
            imageSbom ? `sbom:${imageSbom}` : syftSource(image),
            "-o",
            `sarif=${stem}.sarif`,
            "-o",
            `json=${stem}.json`
          ],
          env
        ),
        [`${stem}.sarif`, `${stem}.json`],
        { what: `grype ${image.ref}`, transient: DB_FAILURE }
      );
      if (scanned.kind !== "ok") return scanned;
      outcome.files.push(...scanned.files);
    }
    return notes.length > 0 ? { ...outcome, notes } : outcome;
  },
  async parse(outputs, context) {
    const { directory, images } = splitImageOutputs(outputs, "grype");
    const parsed = await parseEnriched(directory, GRYPE_OUTPUT);
    let dropped = 0;
    for (const { log } of parsed.sarif)
      dropped += dropExcludedResults(log, context.exclude, context.root);
    for (const [index, imageOutputs] of [...images].sort(([a], [b]) => a - b)) {
      const native = imageOutputs.find((output) => output.kind === "native");
      const own = await parseEnriched(imageOutputs, GRYPE_OUTPUT);
      const { ref, layers } = native ? grypeImageLayers(await native.read(), vulnerabilityKey) : noImageLayers();
      const target = context.images[index - 1];
      const history = target ? await localImageHistory(target) : /* @__PURE__ */ new Map();
      for (const { log } of own.sarif)
        annotateImageResults(log, imageRefFor(context, index, ref), (ruleId, message) => {
          const key = grypeResultKey(ruleId, message);
          const layer = key ? layers.get(key) : void 0;
          const createdBy = layer?.diffId ? history.get(layer.diffId) : void 0;
          return layer && createdBy ? { ...layer, createdBy } : layer;
        });
      addParsed(parsed, own);
    }
    return { ...parsed, notes: excludedNote(dropped) };
  },
  ownsDriver: driverContains("grype"),
  nativeJson: GRYPE_OUTPUT.nativeJson,
  categoryOf: (_ruleId, tags) => tags.includes("secret") || tags.includes("secrets") ? "secret" : "vulnerability",
  packageFromMessage: packageFromGrypeMessage,
  // Grype's SARIF adds the highest CVSS score as `security-severity`, often not its own rating.
  statedSeverity: { fromMessage: severityFromGrypeMessage, fromRule: severityOfGrypeRule }
};

// src/scanners/osv-scanner.ts
import { existsSync as existsSync5 } from "node:fs";
import path12 from "node:path";
function hasOfflineDb(dir) {
  return dir !== void 0 && existsSync5(path12.join(dir, "osv-scalibr"));
}
function packageFromOsvMessage(message) {
  const match = /^Package '(.+)@([^@']+)' is vulnerable to/.exec(message);
  return match?.[1] && match[2] ? { name: match[1], version: match[2] } : void 0;
}
var OsvReportSchema = external_exports.looseObject({
  results: external_exports.array(
    external_exports.looseObject({
      source: external_exports.looseObject({ path: external_exports.string() }).optional(),
      packages: external_exports.array(
        external_exports.looseObject({
          package: external_exports.looseObject({
            name: external_exports.string(),
            version: external_exports.string().optional(),
            ecosystem: external_exports.string().optional()
          }),
          vulnerabilities: external_exports.array(
            external_exports.looseObject({
              id: external_exports.string(),
              aliases: external_exports.array(external_exports.string()).nullish(),
              summary: external_exports.string().optional(),
              database_specific: external_exports.looseObject({
                cwe_ids: external_exports.array(external_exports.string()).nullish(),
                severity: external_exports.string().optional()
              }).nullish(),
              affected: external_exports.array(
                external_exports.looseObject({
                  package: external_exports.looseObject({ name: external_exports.string() }).optional(),
                  ranges: external_exports.array(
                    external_exports.looseObject({
                      events: external_exports.array(external_exports.looseObject({ fixed: external_exports.string().optional() }))
                    })
                  ).nullish()
                })
              ).nullish()
            })
          ).nullish()
        })
      ).nullish()
    })
  ).nullish()
});
var PURL_TYPE = { npm: "npm", PyPI: "pypi", Go: "golang" };
function osvDetails(data) {
  return detailsOf(OsvReportSchema.parse(data));
}
function detailsOf(report) {
  const details = /* @__PURE__ */ new Map();
  for (const source of report.results ?? []) {
    for (const { package: pkg, vulnerabilities } of source.packages ?? []) {
      for (const vuln of vulnerabilities ?? []) {
        const ids = [vuln.id, ...vuln.aliases ?? []];
        const fixed = (vuln.affected ?? []).filter((affected) => affected.package?.name === pkg.name).flatMap((affected) => affected.ranges ?? []).flatMap((range) => range.events).map((event) => event.fixed).filter((value) => Boolean(value));
        const type = pkg.ecosystem ? PURL_TYPE[pkg.ecosystem] : void 0;
        const detail = {
          aliases: ids,
          package: {
            name: pkg.name,
            ...pkg.version ? { version: pkg.version } : {},
            ...fixed.length ? { fixedVersion: fixed.join(", ") } : {},
            ...pkg.ecosystem ? { ecosystem: pkg.ecosystem } : {},
            ...type && pkg.version ? {
              purl: `pkg:${type}/${pkg.name}@${type === "golang" ? `v${pkg.version}` : pkg.version}`
            } : {}
          },
          cwe: vuln.database_specific?.cwe_ids ?? []
        };
        for (const id of ids) details.set(vulnerabilityKey(id, pkg.name, pkg.version), detail);
      }
    }
  }
  return details;
}
function osvJsonToSarif(data) {
  const parsed = OsvReportSchema.safeParse(data);
  if (!parsed.success || !Array.isArray(data.results)) return void 0;
  const sources = parsed.data.results ?? [];
  if (!sources.every((source) => source.source && source.packages)) return void 0;
  if (sources.length === 0 && !("experimental_config" in data)) return void 0;
  const details = detailsOf(parsed.data);
  const rules = /* @__PURE__ */ new Map();
  const results = [];
  for (const source of sources) {
    for (const { package: pkg, vulnerabilities } of source.packages ?? []) {
      for (const vuln of vulnerabilities ?? []) {
        const severity = vuln.database_specific?.severity;
        rule(rules, vuln.id, () => ({
          id: vuln.id,
          shortDescription: { text: vuln.summary ?? vuln.id },
          helpUri: `https://osv.dev/${vuln.id}`,
          properties: { tags: ["vulnerability", "security"], ...securitySeverity(severity) }
        }));
        const aliases = vuln.aliases ?? [];
        const detail = details.get(vulnerabilityKey(vuln.id, pkg.name, pkg.version));
        results.push({
          ruleId: vuln.id,
          message: {
            text: `Package '${pkg.name}@${pkg.version ?? ""}' is vulnerable to '${vuln.id}'${aliases.length ? ` (also known as ${aliases.map((a) => `'${a}'`).join(", ")})` : ""}.`
          },
          locations: location(diskPath(source.source?.path ?? ".")),
          properties: writeScanfoldProperties(void 0, {
            ...detail ? { package: detail.package, aliases: detail.aliases } : {},
            ...detail?.cwe.length ? { cwe: detail.cwe } : {}
          })
        });
      }
    }
  }
  return sarifLog("osv-scanner", void 0, rules, results);
}
function osvResultKey(ruleId, message) {
  const pkg = packageFromOsvMessage(message);
  return pkg ? vulnerabilityKey(ruleId, pkg.name, pkg.version) : void 0;
}
var OSV_OUTPUT = {
  nativeJson: {
    label: "OSV-Scanner JSON",
    toSarif: osvJsonToSarif,
    explain: explainWith(OsvReportSchema, (data) => {
      const { results } = fieldsOf(data);
      return Array.isArray(results) && results.some((result) => "packages" in fieldsOf(result) && "source" in fieldsOf(result));
    })
  },
  details: osvDetails,
  keyOf: osvResultKey
};
var OSV_SETTINGS = toolSettings({
  key: "osv",
  schema: external_exports.object({ dbDir: external_exports.string() }).partial().strict(),
  resolve: (section2, { root }) => ({
    dbDir: section2?.dbDir ? path12.resolve(root, section2.dbDir) : void 0
  })
});
var osvScanner = {
  name: "osv-scanner",
  tool: "osv-scanner",
  typicalSeconds: 0.3,
  title: "OSV-Scanner",
  description: "lockfiles of many ecosystems (npm, PyPI, Go, Maven, Cargo, ...): known vulnerabilities from OSV",
  outputs: "SARIF, plus JSON for package coordinates, fixed versions and aliases",
  categories: ["vulnerability"],
  settings: OSV_SETTINGS,
  // --experimental-exclude takes the same kind of directory names and globs.
  exclude: { honoured: true },
  applies: () => ({ applies: true }),
  versionArgs: ["--version"],
  parseVersion: firstSemver,
  async scan(context) {
    const { offline } = context.config;
    const dbDir = context.config.osv.dbDir;
    if (offline && !hasOfflineDb(dbDir))
      return {
        kind: "skipped",
        reason: `offline and no OSV database in ${dbDir ?? "(no --osv-db-dir)"}/osv-scalibr`
      };
    const source = [
      "scan",
      "source",
      "--recursive",
      "--allow-no-lockfiles",
      "--no-call-analysis=all",
      ...offline && dbDir ? ["--offline", "--local-db-path", dbDir] : [],
      ...context.config.exclude.flatMap((pattern) => ["--experimental-exclude", pattern])
    ];
    const files = [];
    for (const format of ["sarif", "json"]) {
      const file = path12.join(context.workDir, `osv-scanner.${format}`);
      const exit = await context.exec([...source, "--format", format, "--output-file", file, "."]);
      const outcome = outcomeOf(exit, [file], {
        what: `osv-scanner (${format})`,
        okExitCodes: [0, 1]
      });
      if (outcome.kind !== "ok") return outcome;
      files.push(file);
    }
    return { kind: "ok", files };
  },
  parse: (outputs) => parseEnriched(outputs, OSV_OUTPUT),
  ownsDriver: driverContains("osv-scanner"),
  nativeJson: OSV_OUTPUT.nativeJson,
  categoryOf: () => "vulnerability",
  packageFromMessage: packageFromOsvMessage
};

// src/scanners/semgrep.ts
import { existsSync as existsSync7 } from "node:fs";
import path14 from "node:path";

// src/config/package-root.ts
import { existsSync as existsSync6, readFileSync } from "node:fs";
import path13 from "node:path";
import { fileURLToPath } from "node:url";
var cached;
function packageRoot() {
  if (cached) return cached;
  let dir = path13.dirname(fileURLToPath(import.meta.url));
  for (; ; ) {
    const manifest = path13.join(dir, "package.json");
    if (existsSync6(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, "utf8"));
      if (parsed.name === "scanfold") return cached = dir;
    }
    const parent = path13.dirname(dir);
    if (parent === dir) throw new Error("scanfold package root not found above " + import.meta.url);
    dir = parent;
  }
}
function scanfoldVersion() {
  const parsed = JSON.parse(readFileSync(path13.join(packageRoot(), "package.json"), "utf8"));
  return parsed.version;
}

// src/scanners/semgrep.ts
var SemgrepSchema = external_exports.looseObject({
  results: external_exports.array(
    external_exports.looseObject({
      check_id: external_exports.string(),
      path: external_exports.string(),
      start: external_exports.looseObject({ line: external_exports.number(), col: external_exports.number().optional() }),
      end: external_exports.looseObject({ line: external_exports.number() }).optional(),
      extra: external_exports.looseObject({
        message: external_exports.string().optional(),
        severity: external_exports.string().optional(),
        lines: external_exports.string().optional(),
        metadata: external_exports.looseObject({}).optional()
      })
    })
  ),
  version: external_exports.string().optional(),
  errors: external_exports.array(
    external_exports.looseObject({
      level: external_exports.string().optional(),
      type: external_exports.unknown().optional(),
      message: external_exports.string().optional()
    })
  ).optional()
});
function invocationOf(errors) {
  if (!errors?.length) return [];
  const fatal = errors.filter((error) => error.level !== "warn" && error.level !== "info");
  return [
    {
      executionSuccessful: fatal.length === 0,
      toolExecutionNotifications: errors.map((error) => ({
        level: error.level === "warn" ? "warning" : error.level === "info" ? "note" : "error",
        message: {
          text: (error.message ?? (typeof error.type === "string" ? error.type : "error")).slice(
            0,
            500
          )
        }
      }))
    }
  ];
}
function semgrepJsonToSarif(data) {
  const parsed = SemgrepSchema.safeParse(data);
  if (!parsed.success) return void 0;
  const rules = /* @__PURE__ */ new Map();
  const LEVEL = { ERROR: "error", WARNING: "warning", INFO: "note" };
  const results = parsed.data.results.map((r) => {
    const cwe = r.extra.metadata?.cwe;
    rule(rules, r.check_id, () => ({
      id: r.check_id,
      shortDescription: { text: r.extra.message ?? r.check_id },
      defaultConfiguration: { level: LEVEL[r.extra.severity ?? ""] ?? "warning" },
      properties: {
        tags: [
          "security",
          ...Array.isArray(cwe) ? cwe.map(String) : typeof cwe === "string" ? [cwe] : []
        ]
      }
    }));
    return {
      ruleId: r.check_id,
      level: LEVEL[r.extra.severity ?? ""] ?? "warning",
      message: { text: r.extra.message ?? r.check_id },
      // The matched lines, as Semgrep's SARIF has them (not its "requires login" placeholder).
      locations: location(
        r.path,
        r.start.line,
        r.end?.line,
        r.extra.lines === "requires login" ? void 0 : r.extra.lines
      )
    };
  });
  const log = sarifLog("Semgrep", parsed.data.version, rules, results);
  const invocations = invocationOf(parsed.data.errors);
  if (invocations.length > 0) for (const run3 of log.runs) run3.invocations = invocations;
  return log;
}
var SEMGREP_REGISTRY_RULESETS = ["p/default"];
async function registryReachable(ruleset) {
  const base = (process.env.SEMGREP_URL ?? "https://semgrep.dev").replace(/\/+$/, "");
  try {
    const response = await fetch(`${base}/c/${ruleset}`, {
      redirect: "follow",
      signal: AbortSignal.timeout(5e3)
    });
    await response.body?.cancel();
    return response.ok ? { ok: true } : { ok: false, why: `HTTP ${response.status}` };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    return { ok: false, why: cause instanceof Error ? cause.message : String(cause) };
  }
}
async function chooseRulesets(settings, offline) {
  if (settings.registry.length === 0) return { configs: settings.config, notes: [] };
  if (offline)
    return { configs: settings.config, notes: ["offline: used the bundled Semgrep ruleset"] };
  for (const ruleset of settings.registry) {
    const reachable = await registryReachable(ruleset);
    if (!reachable.ok)
      return {
        configs: settings.config,
        notes: [
          `Semgrep registry ruleset ${ruleset} unreachable (${reachable.why ?? "unknown"}): used the bundled ruleset`
        ]
      };
  }
  return {
    configs: settings.registry,
    notes: [`Semgrep registry rulesets: ${settings.registry.join(", ")}`]
  };
}
function looksLikeSemgrep(data) {
  const { results, errors, paths } = fieldsOf(data);
  if (!Array.isArray(results)) return false;
  return "check_id" in fieldsOf(results[0]) || Array.isArray(errors) && paths !== void 0;
}
var SEMGREP_JSON = {
  label: "Semgrep JSON",
  toSarif: semgrepJsonToSarif,
  explain: explainWith(SemgrepSchema, looksLikeSemgrep)
};
function bundledSemgrepRules() {
  return path14.join(packageRoot(), "rules", "semgrep", "scanfold.yml");
}
var SEMGREP_SETTINGS = toolSettings({
  key: "semgrep",
  schema: external_exports.object({ config: external_exports.array(external_exports.string().min(1)).min(1) }).partial().strict(),
  resolve: (section2, { root }) => ({
    // A path that exists is a rules file or directory; anything else (`p/python`) Semgrep's own.
    config: (section2?.config ?? [bundledSemgrepRules()]).map(
      (entry) => existsSync7(path14.resolve(root, entry)) ? path14.resolve(root, entry) : entry
    ),
    registry: section2?.config ? [] : SEMGREP_REGISTRY_RULESETS
  })
});
var semgrep = {
  name: "semgrep",
  tool: "semgrep",
  typicalSeconds: 2.5,
  title: "Semgrep",
  categories: ["code"],
  settings: SEMGREP_SETTINGS,
  description: "SAST: Semgrep registry rulesets by name (`p/default`) when online, else the bundled offline ruleset `rules/semgrep/scanfold.yml`, or yours; metrics and version checks off",
  outputs: "SARIF + JSON",
  env: { SEMGREP_SEND_METRICS: "off", SEMGREP_ENABLE_VERSION_CHECK: "0" },
  applies: () => ({ applies: true }),
  versionArgs: ["--version"],
  parseVersion: firstSemver,
  exclude: { honoured: true },
  // Semgrep rates a rule ERROR, WARNING or INFO and writes INFO as SARIF level `note`, which
  // SARIF's own mapping reads as low: its INFO is info (README, Severity mapping).
  statedSeverity: {
    fromRule: (rule2) => rule2.defaultConfiguration?.level === "note" ? "info" : void 0
  },
  async scan(context) {
    const sarif = path14.join(context.workDir, "semgrep.sarif");
    const json = path14.join(context.workDir, "semgrep.json");
    const args = [
      "scan",
      "--metrics",
      "off",
      "--disable-version-check",
      "--no-rewrite-rule-ids",
      "--quiet",
      `--sarif-output=${sarif}`,
      `--json-output=${json}`
    ];
    const { configs, notes } = await chooseRulesets(context.config.semgrep, context.config.offline);
    for (const config of configs) args.push("--config", config);
    for (const pattern of context.config.exclude) args.push("--exclude", pattern);
    const exit = await context.exec([...args, "."]);
    const outcome = outcomeOf(exit, [sarif, json], { what: "semgrep" });
    return outcome.kind === "ok" && notes.length > 0 ? { ...outcome, notes } : outcome;
  },
  async parse(outputs) {
    const parsed = await parseOutputs(outputs, SEMGREP_JSON);
    for (const { file, log } of parsed.sarif) {
      const json = nativeBeside(file, outputs);
      if (!json || json.name === file) continue;
      const errors = SemgrepSchema.safeParse(await json.read());
      const invocations = errors.success ? invocationOf(errors.data.errors) : [];
      if (invocations.length > 0) for (const run3 of log.runs) run3.invocations = invocations;
    }
    return parsed;
  },
  ownsDriver: driverContains("semgrep"),
  nativeJson: SEMGREP_JSON
};

// src/scanners/syft.ts
import path15 from "node:path";
var syft = {
  name: "syft",
  tool: "syft",
  typicalSeconds: 1.5,
  title: "Syft",
  categories: ["sbom"],
  description: "SBOM",
  outputs: "CycloneDX JSON",
  env: { SYFT_CHECK_FOR_APP_UPDATE: "false" },
  applies: () => ({ applies: true }),
  versionArgs: ["version"],
  parseVersion: firstSemver,
  exclude: { honoured: true },
  async scan(context) {
    const sbom = path15.join(context.workDir, "syft.cdx.json");
    const args = ["scan", "dir:.", "--quiet", "-o", `cyclonedx-json=${sbom}`];
    for (const pattern of context.config.exclude) args.push("--exclude", pattern);
    const exit = await context.exec(args);
    const outcome = outcomeOf(exit, [sbom], { what: "syft" });
    if (outcome.kind !== "ok") return outcome;
    for (const [position, image] of context.config.images.entries()) {
      const file = path15.join(context.workDir, `${imageFileStem("syft", position + 1)}.cdx.json`);
      const scanned = outcomeOf(
        await context.exec(["scan", syftSource(image), "--quiet", "-o", `cyclonedx-json=${file}`]),
        [file],
        { what: `syft ${image.ref}` }
      );
      if (scanned.kind !== "ok") return scanned;
      outcome.files.push(file);
    }
    return outcome;
  },
  parse: (outputs) => parseOutputs(outputs),
  ownsDriver: driverContains("syft")
};

// src/scanners/trivy.ts
import { existsSync as existsSync8, statSync as statSync2 } from "node:fs";
import { writeFile as writeFile2 } from "node:fs/promises";
import path16 from "node:path";
import { pathToFileURL as pathToFileURL4 } from "node:url";

// src/run/retry.ts
function backoffDelay(policy, attempt, clock, retryAfterMs) {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
  const jittered = Math.round(clock.random() * ceiling);
  return retryAfterMs !== void 0 ? Math.max(jittered, Math.min(retryAfterMs, policy.capMs)) : jittered;
}
var GO_UNITS = /* @__PURE__ */ new Map([
  ["ns", 1e-6],
  ["us", 1e-3],
  ["\xB5s", 1e-3],
  ["\u03BCs", 1e-3],
  ["ms", 1],
  ["s", 1e3],
  ["m", 6e4],
  ["h", 36e5]
]);
function goDurationMs(text3) {
  if (!/^(\d+(\.\d+)?(ns|us|µs|μs|ms|s|m|h))+$/.test(text3)) return void 0;
  let total = 0;
  for (const [, amount, , unit] of text3.matchAll(/(\d+(\.\d+)?)(ns|us|µs|μs|ms|s|m|h)/g))
    total += Number(amount) * (GO_UNITS.get(unit ?? "") ?? 0);
  return Math.ceil(total);
}
function parseRetryAfter(text3, now) {
  const match = /retry-after[":\s=]+([^\r\n",}]+)/i.exec(text3);
  if (!match?.[1]) return void 0;
  const value = match[1].trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1e3);
  const duration = goDurationMs(value);
  if (duration !== void 0) return duration;
  const date = Date.parse(value);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - now);
}

// src/scanners/trivy-checks.ts
var TRIVY_CHECK_ROWS = [
  ["AWS-0001", "medium", "API Gateway stages for V1 and V2 should have access logging enabled"],
  ["AWS-0002", "medium", "API Gateway must have cache enabled"],
  ["AWS-0003", "low", "API Gateway must have X-Ray tracing enabled"],
  ["AWS-0004", "low", "No unauthorized access to API Gateway methods"],
  ["AWS-0005", "high", "API Gateway domain name uses outdated SSL/TLS protocols."],
  [
    "AWS-0006",
    "high",
    "Athena databases and workgroup configurations are created unencrypted at rest by default, they should be encrypted"
  ],
  [
    "AWS-0007",
    "high",
    "Athena workgroups should enforce configuration to prevent client disabling encryption"
  ],
  ["AWS-0008", "high", "Launch configuration with unencrypted block device."],
  ["AWS-0009", "high", "Launch configuration should not have a public IP address."],
  ["AWS-0010", "medium", "Cloudfront distribution should have Access Logging configured"],
  ["AWS-0011", "high", "CloudFront distribution does not have a WAF in front."],
  ["AWS-0012", "critical", "CloudFront distribution allows unencrypted (HTTP) communications."],
  ["AWS-0013", "high", "CloudFront distribution uses outdated SSL/TLS protocols."],
  [
    "AWS-0014",
    "medium",
    "Cloudtrail should be enabled in all regions regardless of where your AWS resources are generally homed"
  ],
  ["AWS-0015", "high", "CloudTrail should use Customer managed keys to encrypt the logs"],
  [
    "AWS-0016",
    "high",
    "Cloudtrail log validation should be enabled to prevent tampering of log data"
  ],
  ["AWS-0017", "low", "CloudWatch log groups should be encrypted using CMK"],
  ["AWS-0018", "high", "CodeBuild Project artifacts encryption should not be disabled"],
  ["AWS-0019", "high", "Config configuration aggregator should be using all regions for source"],
  ["AWS-0020", "medium", "DocumentDB logs export should be enabled"],
  ["AWS-0021", "high", "DocumentDB storage must be encrypted"],
  ["AWS-0022", "low", "DocumentDB encryption should use Customer Managed Keys"],
  ["AWS-0023", "high", "DAX Cluster should always encrypt data at rest"],
  ["AWS-0024", "medium", "Point in time recovery should be enabled to protect DynamoDB table"],
  ["AWS-0025", "low", "DynamoDB tables should use at rest encryption with a Customer Managed Key"],
  ["AWS-0026", "high", "EBS volumes must be encrypted"],
  ["AWS-0027", "low", "EBS volume encryption should use Customer Managed Keys"],
  [
    "AWS-0028",
    "high",
    "aws_instance should activate session tokens for Instance Metadata Service."
  ],
  ["AWS-0029", "critical", "User data for EC2 instances must not contain sensitive AWS keys"],
  ["AWS-0030", "high", "ECR repository has image scans disabled."],
  ["AWS-0031", "high", "ECR images tags shouldn't be mutable."],
  ["AWS-0032", "high", "ECR repository policy must block public access"],
  ["AWS-0033", "low", "ECR Repository should use customer managed keys to allow more control"],
  ["AWS-0034", "low", "ECS clusters should have container insights enabled"],
  ["AWS-0035", "high", "ECS Task Definitions with EFS volumes should use in-transit encryption"],
  ["AWS-0036", "critical", "Task definition defines sensitive environment variable(s)."],
  ["AWS-0037", "high", "EFS Encryption has not been enabled"],
  ["AWS-0038", "medium", "EKS Clusters should have cluster control plane logging turned on"],
  ["AWS-0039", "high", "EKS should have the encryption of secrets enabled"],
  ["AWS-0040", "critical", "EKS Clusters should have the public access disabled"],
  ["AWS-0041", "critical", "EKS cluster should not have open CIDR range for public access"],
  ["AWS-0042", "medium", "Domain logging should be enabled for Elastic Search domains"],
  [
    "AWS-0043",
    "high",
    "Elasticsearch domain uses plaintext traffic for node to node communication."
  ],
  ["AWS-0045", "high", "Elasticache Replication Group stores unencrypted data at-rest."],
  ["AWS-0046", "critical", "Elasticsearch doesn't enforce HTTPS traffic."],
  ["AWS-0047", "critical", "An outdated SSL policy is in use by a load balancer."],
  ["AWS-0048", "high", "Elasticsearch domain isn't encrypted at rest."],
  ["AWS-0049", "low", "Missing description for security group/security group rule."],
  ["AWS-0050", "medium", "Redis cluster should have backup retention turned on"],
  ["AWS-0051", "high", "Elasticache Replication Group uses unencrypted traffic."],
  ["AWS-0052", "high", "Load balancers should drop invalid headers"],
  ["AWS-0053", "high", "Load balancer is exposed to the internet."],
  ["AWS-0054", "critical", "Use of plain HTTP."],
  ["AWS-0056", "medium", "IAM Password policy should prevent password reuse."],
  [
    "AWS-0057",
    "high",
    "IAM policy should avoid use of wildcards and instead apply the principle of least privilege"
  ],
  [
    "AWS-0058",
    "medium",
    "IAM Password policy should have requirement for at least one lowercase character."
  ],
  [
    "AWS-0059",
    "medium",
    "IAM Password policy should have requirement for at least one number in the password."
  ],
  [
    "AWS-0060",
    "medium",
    "IAM Password policy should have requirement for at least one symbol in the password."
  ],
  [
    "AWS-0061",
    "medium",
    "IAM Password policy should have requirement for at least one uppercase character."
  ],
  ["AWS-0062", "medium", "IAM Password policy should have expiry less than or equal to 90 days."],
  [
    "AWS-0063",
    "medium",
    "IAM Password policy should have minimum password length of 14 or more characters."
  ],
  ["AWS-0064", "high", "Kinesis stream is unencrypted."],
  ["AWS-0065", "medium", "A KMS key is not configured to auto-rotate."],
  ["AWS-0066", "low", "Lambda functions should have X-Ray tracing enabled"],
  ["AWS-0067", "critical", "Ensure that lambda function permission has a source arn specified"],
  ["AWS-0070", "medium", "MQ Broker should have audit logging enabled"],
  ["AWS-0071", "low", "MQ Broker should have general logging enabled"],
  ["AWS-0072", "high", "Ensure MQ Broker is not publicly exposed"],
  ["AWS-0073", "high", "A MSK cluster allows unencrypted data in transit."],
  ["AWS-0074", "medium", "Ensure MSK Cluster logging is enabled"],
  ["AWS-0075", "medium", "Neptune logs export should be enabled"],
  ["AWS-0076", "high", "Neptune storage must be encrypted at rest"],
  [
    "AWS-0077",
    "medium",
    "RDS Cluster and RDS instance should have backup retention longer than default 1 day"
  ],
  ["AWS-0078", "low", "Performance Insights encryption should use Customer Managed Keys"],
  [
    "AWS-0079",
    "high",
    "There is no encryption specified or encryption is disabled on the RDS Cluster."
  ],
  ["AWS-0080", "high", "RDS encryption has not been enabled at a DB Instance level."],
  ["AWS-0083", "low", "Missing description for security group/security group rule."],
  ["AWS-0084", "high", "Redshift clusters should use at rest encryption"],
  ["AWS-0085", "critical", "AWS Classic resource usage."],
  ["AWS-0086", "high", "S3 Access block should block public ACL"],
  ["AWS-0087", "high", "S3 Access block should block public policy"],
  ["AWS-0088", "high", "Unencrypted S3 bucket."],
  ["AWS-0089", "low", "S3 Bucket Logging"],
  ["AWS-0090", "medium", "S3 Data should be versioned"],
  ["AWS-0091", "high", "S3 Access Block should Ignore Public ACL"],
  ["AWS-0092", "high", "S3 Buckets not publicly accessible through ACL."],
  ["AWS-0093", "high", "S3 Access block should restrict public bucket to limit access"],
  ["AWS-0094", "low", "S3 buckets should each define an aws_s3_bucket_public_access_block"],
  ["AWS-0095", "high", "Unencrypted SNS topic."],
  ["AWS-0096", "high", "Unencrypted SQS queue."],
  ["AWS-0097", "high", "AWS SQS policy document has wildcard action statement."],
  ["AWS-0098", "low", "Secrets Manager should use customer managed keys"],
  ["AWS-0099", "low", "Missing description for security group."],
  ["AWS-0101", "high", "AWS best practice to not use the default VPC for workflows"],
  ["AWS-0102", "critical", "An Network ACL rule allows ALL ports."],
  [
    "AWS-0104",
    "critical",
    "A security group rule should not allow unrestricted egress to any IP address."
  ],
  [
    "AWS-0105",
    "medium",
    "Network ACLs should not allow unrestricted ingress to SSH or RDP from any IP address."
  ],
  [
    "AWS-0107",
    "high",
    "Security groups should not allow unrestricted ingress to SSH or RDP from any IP address."
  ],
  ["AWS-0109", "high", "Root and user volumes on Workspaces should be encrypted"],
  ["AWS-0110", "medium", "SAM API must have data cache enabled"],
  ["AWS-0111", "low", "SAM API must have X-Ray tracing enabled"],
  ["AWS-0112", "high", "SAM API domain name uses outdated SSL/TLS protocols."],
  ["AWS-0113", "medium", "SAM API stages for V1 and V2 should have access logging enabled"],
  [
    "AWS-0114",
    "high",
    "Function policies should avoid use of wildcards and instead apply the principle of least privilege"
  ],
  ["AWS-0116", "medium", "SAM HTTP API stages for V1 and V2 should have access logging enabled"],
  ["AWS-0117", "low", "SAM State machine must have X-Ray tracing enabled"],
  ["AWS-0119", "low", "SAM State machine must have logging enabled"],
  [
    "AWS-0120",
    "high",
    "State machine policies should avoid use of wildcards and instead apply the principle of least privilege"
  ],
  ["AWS-0121", "high", "SAM Simple table must have server side encryption enabled."],
  [
    "AWS-0122",
    "high",
    "Ensure all data stored in the launch configuration EBS is securely encrypted"
  ],
  ["AWS-0123", "medium", "IAM groups should have MFA enforcement activated."],
  ["AWS-0124", "low", "Missing description for security group rule."],
  ["AWS-0125", "low", "SAM Function must have X-Ray tracing enabled"],
  ["AWS-0126", "high", "Elasticsearch domain endpoint is using outdated TLS policy."],
  ["AWS-0127", "high", "Redshift cluster should be deployed into a specific VPC"],
  ["AWS-0128", "high", "Neptune encryption should use Customer Managed Keys"],
  ["AWS-0129", "critical", "User data for EC2 instances must not contain sensitive AWS keys"],
  [
    "AWS-0130",
    "high",
    "aws_instance should activate session tokens for Instance Metadata Service."
  ],
  ["AWS-0131", "high", "Instance with unencrypted block device."],
  ["AWS-0132", "high", "S3 encryption should use Customer Managed Keys"],
  ["AWS-0133", "low", "Enable Performance Insights to detect potential problems"],
  ["AWS-0134", "critical", "Secrets should not be exfiltrated using Terraform HTTP data blocks"],
  ["AWS-0135", "high", "SQS queue should be encrypted with a CMK."],
  ["AWS-0136", "high", "SNS topic not encrypted with CMK."],
  ["AWS-0137", "high", "Enable at-rest encryption for EMR clusters."],
  ["AWS-0138", "high", "Enable in-transit encryption for EMR clusters."],
  ["AWS-0139", "high", "Enable local-disk encryption for EMR clusters."],
  [
    "AWS-0140",
    "low",
    'The "root" account has unrestricted access to all resources in the AWS account. It is highly recommended that the use of this account be avoided.'
  ],
  [
    "AWS-0141",
    "critical",
    "The root user has complete access to all services and resources in an AWS account. AWS Access Keys provide programmatic access to a given account."
  ],
  [
    "AWS-0142",
    "critical",
    'The "root" account has unrestricted access to all resources in the AWS account. It is highly recommended that this account have MFA enabled.'
  ],
  ["AWS-0143", "low", "IAM policies should not be granted directly to users."],
  ["AWS-0144", "medium", "Credentials which are no longer used should be disabled."],
  ["AWS-0145", "medium", "IAM Users should have MFA enforcement activated."],
  ["AWS-0146", "low", "Access keys should be rotated at least every 90 days"],
  ["AWS-0147", "low", "Ensure a log metric filter and alarm exist for unauthorized API calls"],
  [
    "AWS-0148",
    "low",
    "Ensure a log metric filter and alarm exist for AWS Management Console sign-in without MFA"
  ],
  ["AWS-0149", "low", "Ensure a log metric filter and alarm exist for usage of root user"],
  ["AWS-0150", "low", "Ensure a log metric filter and alarm exist for IAM policy changes"],
  [
    "AWS-0151",
    "low",
    "Ensure a log metric filter and alarm exist for CloudTrail configuration changes"
  ],
  [
    "AWS-0152",
    "low",
    "Ensure a log metric filter and alarm exist for AWS Management Console authentication failures"
  ],
  [
    "AWS-0153",
    "low",
    "Ensure a log metric filter and alarm exist for disabling or scheduled deletion of customer managed keys"
  ],
  ["AWS-0154", "low", "Ensure a log metric filter and alarm exist for S3 bucket policy changes"],
  [
    "AWS-0155",
    "low",
    "Ensure a log metric filter and alarm exist for AWS Config configuration changes"
  ],
  ["AWS-0156", "low", "Ensure a log metric filter and alarm exist for security group changes"],
  [
    "AWS-0157",
    "low",
    "Ensure a log metric filter and alarm exist for changes to Network Access Control Lists (NACL)"
  ],
  ["AWS-0158", "low", "Ensure a log metric filter and alarm exist for changes to network gateways"],
  ["AWS-0159", "low", "Ensure a log metric filter and alarm exist for route table changes"],
  ["AWS-0160", "low", "Ensure a log metric filter and alarm exist for VPC changes"],
  ["AWS-0161", "critical", "The S3 Bucket backing Cloudtrail should be private"],
  ["AWS-0162", "low", "CloudTrail logs should be stored in S3 and also sent to CloudWatch Logs"],
  ["AWS-0163", "low", "You should enable bucket access logging on the CloudTrail S3 bucket."],
  ["AWS-0164", "high", "Instances in a subnet should not receive a public IP address by default."],
  [
    "AWS-0165",
    "medium",
    'The "root" account has unrestricted access to all resources in the AWS account. It is highly recommended that this account have hardware MFA enabled.'
  ],
  [
    "AWS-0166",
    "low",
    "Disabling or removing unnecessary credentials will reduce the window of opportunity for credentials associated with a compromised or abandoned account to be used."
  ],
  ["AWS-0167", "low", "No user should have more than one active access key."],
  ["AWS-0168", "low", "Delete expired TLS certificates"],
  [
    "AWS-0169",
    "low",
    "Missing IAM Role to allow authorized users to manage incidents with AWS Support."
  ],
  ["AWS-0170", "low", "Buckets should have MFA deletion protection enabled."],
  [
    "AWS-0171",
    "low",
    "S3 object-level API operations such as GetObject, DeleteObject, and PutObject are called data events. By default, CloudTrail trails don't log data events and so it is recommended to enable Object-level logging for S3 buckets."
  ],
  [
    "AWS-0172",
    "low",
    "S3 object-level API operations such as GetObject, DeleteObject, and PutObject are called data events. By default, CloudTrail trails don't log data events and so it is recommended to enable Object-level logging for S3 buckets."
  ],
  ["AWS-0173", "low", "Default security group should restrict all traffic"],
  ["AWS-0174", "low", "Ensure a log metric filter and alarm exist for organisation changes"],
  [
    "AWS-0175",
    "low",
    "Enable IAM Access analyzer for IAM policies about all resources in each region."
  ],
  ["AWS-0176", "medium", "RDS IAM Database Authentication Disabled"],
  ["AWS-0177", "medium", "RDS Deletion Protection Disabled"],
  [
    "AWS-0178",
    "medium",
    `VPC Flow Logs is a feature that enables you to capture information about the IP traffic going to and from network interfaces in your VPC. After you've created a flow log, you can view and retrieve its data in Amazon CloudWatch Logs. It is recommended that VPC Flow Logs be enabled for packet "Rejects" for VPCs.`
  ],
  ["AWS-0179", "high", "A MSK cluster allows unencrypted data at rest."],
  ["AWS-0180", "high", "RDS Publicly Accessible"],
  [
    "AWS-0190",
    "low",
    "Ensure that response caching is enabled for your Amazon API Gateway REST APIs."
  ],
  ["AWS-0320", "medium", "S3 DNS Compliant Bucket Names"],
  ["AWS-0342", "medium", "IAM Pass Role Filtering"],
  ["AWS-0343", "medium", "RDS Cluster Deletion Protection Disabled"],
  ["AWS-0344", "low", "AWS AMI data source should specify owners"],
  ["AWS-0345", "high", "Disallow unrestricted S3 IAM Policies"],
  [
    "AWS-0346",
    "high",
    "Reduce unnecessary unauthorized access or information disclosure of S3 buckets."
  ],
  ["AZU-0001", "low", "Web App accepts incoming client certificate"],
  ["AZU-0002", "low", "Web App has registration with AD enabled"],
  ["AZU-0003", "medium", "App Service authentication is activated"],
  [
    "AZU-0004",
    "critical",
    "Ensure the Function App can only be accessed via HTTPS. The default is false."
  ],
  ["AZU-0005", "low", "Web App uses the latest HTTP version"],
  ["AZU-0006", "high", "Web App uses latest TLS version"],
  ["AZU-0007", "high", "Storage containers in blob storage mode should not have public access"],
  [
    "AZU-0008",
    "high",
    "Storage accounts should be configured to only accept transfers that are over secure connections"
  ],
  [
    "AZU-0009",
    "medium",
    "When using Queue Services for a storage account, logging should be enabled."
  ],
  ["AZU-0010", "high", "Trusted Microsoft Services should have bypass access to Storage accounts"],
  [
    "AZU-0011",
    "critical",
    "The minimum TLS version for Storage Accounts should be TLS1_2 or higher"
  ],
  [
    "AZU-0012",
    "critical",
    "The default action on Storage account network rules should be set to deny"
  ],
  ["AZU-0013", "critical", "Key vault should have the network acl block specified"],
  ["AZU-0014", "medium", "Ensure that the expiration date is set on all keys"],
  ["AZU-0015", "low", "Key vault Secret should have a content type set"],
  ["AZU-0016", "medium", "Key vault should have purge protection enabled"],
  ["AZU-0017", "low", "Key Vault Secret should have an expiration date set"],
  ["AZU-0018", "medium", "At least one email address is set for threat alerts"],
  [
    "AZU-0019",
    "medium",
    "Ensure server parameter 'log_connections' is set to 'ON' for PostgreSQL Database Server"
  ],
  ["AZU-0020", "medium", "SSL should be enforced on database connections where applicable"],
  [
    "AZU-0021",
    "medium",
    "Ensure server parameter 'connection_throttling' is set to 'ON' for PostgreSQL Database Server"
  ],
  ["AZU-0022", "medium", "Ensure databases are not publicly accessible"],
  ["AZU-0023", "low", "Security threat alerts go to subscription owners and co-administrators"],
  [
    "AZU-0024",
    "medium",
    "Ensure server parameter 'log_checkpoints' is set to 'ON' for PostgreSQL Database Server"
  ],
  ["AZU-0025", "medium", "Database auditing retention period should be longer than 90 days"],
  ["AZU-0026", "medium", "Databases should have the minimum TLS set for connections"],
  ["AZU-0027", "medium", "Auditing should be enabled on Azure SQL Databases"],
  ["AZU-0028", "medium", "No threat detections are set"],
  ["AZU-0029", "high", "Ensure database firewalls do not permit public access"],
  ["AZU-0030", "medium", "Roles limited to the required actions"],
  ["AZU-0031", "medium", "Ensure the activity retention log is set to at least a year"],
  ["AZU-0032", "medium", "Ensure activitys are captured for all locations"],
  ["AZU-0033", "medium", "Ensure log profile captures all activities"],
  [
    "AZU-0034",
    "medium",
    "Synapse Workspace should have managed virtual network enabled, the default is disabled."
  ],
  [
    "AZU-0035",
    "critical",
    "Data Factory should have public access disabled, the default is enabled."
  ],
  ["AZU-0036", "high", "Unencrypted data lake storage."],
  ["AZU-0037", "medium", "Ensure that no sensitive credentials are exposed in VM custom_data"],
  ["AZU-0038", "high", "Enable disk encryption on managed disk"],
  ["AZU-0039", "high", "Password authentication should be disabled on Azure virtual machines"],
  ["AZU-0040", "medium", "Ensure AKS logging to Azure Monitoring is Configured"],
  ["AZU-0041", "critical", "Ensure AKS has an API Server Authorized IP Ranges enabled"],
  ["AZU-0042", "high", "Ensure RBAC is enabled on AKS clusters"],
  ["AZU-0043", "high", "Ensure AKS cluster has Network Policy configured"],
  ["AZU-0044", "medium", "Send notification emails for high severity alerts"],
  ["AZU-0045", "low", "Enable the standard security center subscription tier"],
  ["AZU-0046", "low", "The required contact details should be set for security center"],
  [
    "AZU-0047",
    "critical",
    "A security group rule should not allow unrestricted ingress from any IP address."
  ],
  [
    "AZU-0048",
    "critical",
    "A security group should not allow unrestricted ingress to the RDP port from any IP address."
  ],
  [
    "AZU-0049",
    "low",
    "Retention policy for flow logs should be enabled and set to greater than 90 days"
  ],
  [
    "AZU-0050",
    "critical",
    "Security group should not allow unrestricted ingress to SSH port from any IP address."
  ],
  [
    "AZU-0051",
    "critical",
    "A security rule should not allow unrestricted egress to any IP address."
  ],
  ["AZU-0052", "medium", "Role Definition Allows Custom Role Creation"],
  ["AZU-0056", "medium", "Storage account should have blob soft delete enabled"],
  ["AZU-0057", "medium", "Storage account should have logging enabled"],
  ["AZU-0058", "low", "Storage account should use geo-redundant replication"],
  [
    "AZU-0059",
    "high",
    "Storage account should have secure transfer and minimum TLS version configured"
  ],
  ["AZU-0060", "medium", "Storage account should use customer-managed keys for encryption"],
  ["AZU-0061", "medium", "Storage account should have infrastructure encryption enabled"],
  ["AZU-0062", "medium", "Security Contact Email"],
  ["AZU-0063", "medium", "Email Alerts Disabled"],
  ["AZU-0064", "high", "Security Contact Disabled"],
  ["AZU-0065", "medium", "Ensure AKS cluster has private cluster enabled"],
  ["AZU-0066", "low", "Ensure AKS cluster has Azure Policy add-on enabled"],
  ["AZU-0067", "low", "Ensure AKS cluster has disk encryption set ID configured"],
  ["AZU-0068", "medium", "VM Not Attached To Network"],
  ["AZU-0069", "medium", "App Service Using Unsupported PHP Version"],
  ["AZU-0070", "medium", "App Service Using Unsupported Python Version"],
  ["AZU-0071", "medium", "App Service FTPS Enforce Disabled"],
  ["AZU-0072", "medium", "Web App Accepting Traffic Other Than HTTPS"],
  ["AZU-0073", "medium", "Network Watcher Flow Disabled"],
  ["AZU-0074", "high", "Sensitive Port Is Exposed To Entire Network"],
  ["AZU-0075", "medium", "Network Interfaces IP Forwarding Enabled"],
  ["AZU-0076", "medium", "Network Interfaces With Public IP"],
  ["DS-0001", "medium", "':latest' tag used"],
  ["DS-0002", "high", "Image user should not be 'root'"],
  ["DS-0004", "medium", "Port 22 exposed"],
  ["DS-0005", "low", "ADD instead of COPY"],
  ["DS-0006", "critical", "COPY '--from' referring to the current image"],
  ["DS-0007", "critical", "Multiple ENTRYPOINT instructions listed"],
  ["DS-0008", "critical", "Exposed port out of range"],
  ["DS-0009", "high", "WORKDIR path not absolute"],
  ["DS-0010", "critical", "RUN using 'sudo'"],
  ["DS-0011", "critical", "COPY with more than two arguments not ending with slash"],
  ["DS-0012", "critical", "Duplicate aliases defined in different FROMs"],
  ["DS-0013", "medium", "'RUN cd ...' to change directory"],
  ["DS-0014", "low", "RUN using 'wget' and 'curl'"],
  ["DS-0015", "high", "'yum clean all' missing"],
  ["DS-0016", "high", "Multiple CMD instructions listed"],
  ["DS-0017", "high", "'RUN <package-manager> update' instruction alone"],
  ["DS-0019", "high", "'dnf clean all' missing"],
  ["DS-0020", "high", "'zypper clean' missing"],
  ["DS-0021", "high", "'apt-get' missing '-y' to avoid manual input"],
  ["DS-0022", "high", "Deprecated MAINTAINER used"],
  ["DS-0023", "medium", "Multiple HEALTHCHECK defined"],
  ["DS-0024", "high", "'apt-get dist-upgrade' used"],
  ["DS-0025", "high", "'apk add' is missing '--no-cache'"],
  ["DS-0026", "low", "No HEALTHCHECK defined"],
  ["DS-0027", "high", "'microdnf clean all' missing"],
  ["DS-0029", "high", "'apt-get' missing '--no-install-recommends'"],
  ["DS-0030", "high", "WORKDIR should not be mounted on system dirs"],
  ["DS-0031", "critical", "Secrets passed via `build-args` or envs or copied secret files"],
  [
    "GCP-0001",
    "high",
    "Ensure that Cloud Storage bucket is not anonymously or publicly accessible."
  ],
  [
    "GCP-0002",
    "medium",
    "Ensure that Cloud Storage buckets have uniform bucket-level access enabled"
  ],
  ["GCP-0003", "medium", "IAM granted directly to user."],
  ["GCP-0004", "medium", "Roles should not be assigned to default service accounts"],
  ["GCP-0005", "medium", "Users should not be granted service account access at the folder level"],
  ["GCP-0006", "medium", "Roles should not be assigned to default service accounts"],
  ["GCP-0007", "high", "Service accounts should not have roles assigned with excessive privileges"],
  ["GCP-0008", "medium", "Roles should not be assigned to default service accounts"],
  [
    "GCP-0009",
    "medium",
    "Users should not be granted service account access at the organization level"
  ],
  ["GCP-0010", "high", "Default network should not be created at project level"],
  ["GCP-0011", "medium", "Users should not be granted service account access at the project level"],
  ["GCP-0012", "medium", "Zone signing should not use RSA SHA1"],
  ["GCP-0013", "medium", "Cloud DNS should use DNSSEC"],
  ["GCP-0014", "medium", "Temporary file logging should be enabled for all temporary files."],
  ["GCP-0015", "high", "SSL connections to a SQL database instance should be enforced."],
  ["GCP-0016", "medium", "Ensure that logging of connections is enabled."],
  ["GCP-0017", "high", "Ensure that Cloud SQL Database Instances are not publicly exposed"],
  ["GCP-0018", "low", "Ensure that Postgres errors are logged"],
  ["GCP-0019", "medium", "Cross-database ownership chaining should be disabled"],
  ["GCP-0020", "medium", "Ensure that logging of lock waits is enabled."],
  ["GCP-0021", "low", "Ensure that logging of long statements is disabled."],
  ["GCP-0022", "medium", "Ensure that logging of disconnections is enabled."],
  ["GCP-0023", "medium", "Contained database authentication should be disabled"],
  ["GCP-0024", "medium", "Enable automated backups to recover from data-loss"],
  ["GCP-0025", "medium", "Ensure that logging of checkpoints is enabled."],
  ["GCP-0026", "high", "Disable local_infile setting in MySQL"],
  [
    "GCP-0027",
    "critical",
    "A firewall rule should not allow unrestricted ingress from any IP address."
  ],
  ["GCP-0029", "low", "VPC flow logs should be enabled for all subnetworks"],
  ["GCP-0030", "medium", "Disable project-wide SSH keys for all instances"],
  ["GCP-0031", "high", "Instances should not have public IP addresses"],
  ["GCP-0032", "medium", "Disable serial port connectivity for all instances"],
  ["GCP-0033", "low", "VM disks should be encrypted with Customer Supplied Encryption Keys"],
  ["GCP-0034", "low", "Disks should be encrypted with customer managed encryption keys"],
  [
    "GCP-0035",
    "critical",
    "A firewall rule should not allow unrestricted egress to any IP address."
  ],
  ["GCP-0036", "medium", "Instances should not override the project setting for OS Login"],
  [
    "GCP-0037",
    "critical",
    "The encryption key used to encrypt a compute disk has been specified in plaintext."
  ],
  ["GCP-0039", "critical", "SSL policies should enforce secure versions of TLS"],
  ["GCP-0041", "medium", "Instances should have Shielded VM VTPM enabled"],
  ["GCP-0042", "medium", "OS Login should be enabled at project level"],
  ["GCP-0043", "high", "Instances should not have IP forwarding enabled"],
  ["GCP-0044", "critical", "Instances should not use the default service account"],
  ["GCP-0045", "medium", "Instances should have Shielded VM integrity monitoring enabled"],
  ["GCP-0046", "critical", "BigQuery datasets should only be accessible within the organisation"],
  ["GCP-0048", "high", "Legacy metadata endpoints enabled."],
  ["GCP-0049", "low", "Clusters should have IP aliasing enabled"],
  ["GCP-0050", "medium", "Checks for service account defined for GKE nodes"],
  ["GCP-0051", "low", "Clusters should be configured with Labels"],
  ["GCP-0052", "low", "Stackdriver Monitoring should be enabled"],
  ["GCP-0053", "high", "GKE Control Plane should not be publicly accessible"],
  [
    "GCP-0054",
    "low",
    "Ensure Container-Optimized OS (cos) is used for Kubernetes Engine Clusters Node image"
  ],
  ["GCP-0055", "high", "Shielded GKE nodes not enabled."],
  ["GCP-0056", "medium", "Network Policy should be enabled on GKE clusters"],
  ["GCP-0057", "high", "Node metadata value disables metadata concealment."],
  ["GCP-0058", "low", "Kubernetes should have 'Automatic upgrade' enabled"],
  ["GCP-0059", "medium", "Clusters should be set to private"],
  ["GCP-0060", "low", "Stackdriver Logging should be enabled"],
  ["GCP-0061", "high", "Master authorized networks should be configured on GKE clusters"],
  ["GCP-0062", "high", "Legacy ABAC permissions are enabled."],
  ["GCP-0063", "low", "Kubernetes should have 'Automatic repair' enabled"],
  ["GCP-0064", "high", "Legacy client authentication methods utilized."],
  ["GCP-0065", "high", "KMS keys should be rotated at least every 90 days"],
  ["GCP-0066", "low", "Cloud Storage buckets should be encrypted with a customer-managed key."],
  ["GCP-0067", "medium", "Instances should have Shielded VM secure boot enabled"],
  [
    "GCP-0068",
    "high",
    "A configuration for an external workload identity pool provider should have conditions set"
  ],
  ["GCP-0069", "low", "Not Proper Email Account In Use"],
  ["GCP-0070", "high", "RDP Access Is Not Restricted"],
  ["GCP-0071", "medium", "SSH Access Is Not Restricted"],
  ["GCP-0072", "medium", "Google Compute Network Using Firewall Rule that Allows All Ports"],
  ["GCP-0073", "medium", "Disable Default Firewall Rules"],
  ["GCP-0074", "low", "Google Compute Network Using Firewall Rule that Allows Large Port Range"],
  ["GCP-0075", "low", "Google Compute Subnetwork with Private Google Access Disabled"],
  ["GCP-0076", "medium", "Google Compute Subnetwork Logging Disabled"],
  ["GCP-0077", "medium", "Cloud Storage Bucket Logging Not Enabled"],
  ["GCP-0078", "medium", "Cloud Storage Bucket Versioning Disabled"],
  ["GCP-0079", "low", "IAM Audit Not Properly Configured"],
  ["KCV-0001", "medium", "Ensure that the --anonymous-auth argument is set to false"],
  ["KCV-0002", "low", "Ensure that the --token-auth-file parameter is not set"],
  ["KCV-0003", "low", "Ensure that the --DenyServiceExternalIPs is not set"],
  ["KCV-0004", "low", "Ensure that the --kubelet-https argument is set to true"],
  [
    "KCV-0005",
    "low",
    "Ensure that the --kubelet-client-certificate and --kubelet-client-key arguments are set as appropriate"
  ],
  [
    "KCV-0006",
    "low",
    "Ensure that the --kubelet-certificate-authority argument is set as appropriate"
  ],
  ["KCV-0007", "low", "Ensure that the --authorization-mode argument is not set to AlwaysAllow"],
  ["KCV-0008", "low", "Ensure that the --authorization-mode argument includes Node"],
  ["KCV-0009", "low", "Ensure that the --authorization-mode argument includes RBAC"],
  ["KCV-0010", "low", "Ensure that the admission control plugin EventRateLimit is set"],
  ["KCV-0011", "low", "Ensure that the admission control plugin AlwaysAdmit is not set"],
  ["KCV-0012", "low", "Ensure that the admission control plugin AlwaysPullImages is set"],
  [
    "KCV-0013",
    "low",
    "Ensure that the admission control plugin SecurityContextDeny is set if PodSecurityPolicy is not used"
  ],
  ["KCV-0014", "low", "Ensure that the admission control plugin ServiceAccount is set"],
  ["KCV-0015", "low", "Ensure that the admission control plugin NamespaceLifecycle is set"],
  ["KCV-0016", "low", "Ensure that the admission control plugin NodeRestriction is set"],
  ["KCV-0017", "low", "Ensure that the --secure-port argument is not set to 0"],
  ["KCV-0018", "low", "Ensure that the --profiling argument is set to false"],
  ["KCV-0019", "low", "Ensure that the --audit-log-path argument is set"],
  ["KCV-0020", "low", "Ensure that the --audit-log-maxage argument is set to 30 or as appropriate"],
  [
    "KCV-0021",
    "low",
    "Ensure that the --audit-log-maxbackup argument is set to 10 or as appropriate"
  ],
  [
    "KCV-0022",
    "low",
    "Ensure that the --audit-log-maxsize argument is set to 100 or as appropriate"
  ],
  ["KCV-0024", "low", "Ensure that the --service-account-lookup argument is set to true"],
  ["KCV-0025", "low", "Ensure that the --service-account-key-file argument is set as appropriate"],
  [
    "KCV-0026",
    "low",
    "Ensure that the --etcd-certfile and --etcd-keyfile arguments are set as appropriate"
  ],
  [
    "KCV-0027",
    "low",
    "Ensure that the --tls-cert-file and --tls-private-key-file arguments are set as appropriate"
  ],
  ["KCV-0028", "low", "Ensure that the --client-ca-file argument is set as appropriate"],
  ["KCV-0029", "low", "Ensure that the --etcd-cafile argument is set as appropriate"],
  [
    "KCV-0030",
    "low",
    "Ensure that the --encryption-provider-config argument is set as appropriate"
  ],
  [
    "KCV-0033",
    "low",
    "Ensure that the --terminated-pod-gc-threshold argument is set as appropriate"
  ],
  ["KCV-0034", "low", "Ensure that the --profiling argument is set to false"],
  ["KCV-0035", "low", "Ensure that the --use-service-account-credentials argument is set to true"],
  [
    "KCV-0036",
    "low",
    "Ensure that the --service-account-private-key-file argument is set as appropriate"
  ],
  ["KCV-0037", "low", "Ensure that the --root-ca-file argument is set as appropriate"],
  ["KCV-0038", "low", "Ensure that the RotateKubeletServerCertificate argument is set to true"],
  ["KCV-0039", "low", "Ensure that the --bind-address argument is set to 127.0.0.1"],
  ["KCV-0040", "low", "Ensure that the --profiling argument is set to false"],
  ["KCV-0041", "low", "Ensure that the --bind-address argument is set to 127.0.0.1"],
  [
    "KCV-0042",
    "low",
    "Ensure that the --cert-file and --key-file arguments are set as appropriate"
  ],
  ["KCV-0043", "low", "Ensure that the --client-cert-auth argument is set to true"],
  ["KCV-0044", "low", "Ensure that the --auto-tls argument is not set to true"],
  [
    "KCV-0045",
    "low",
    "Ensure that the --peer-cert-file and --peer-key-file arguments are set as appropriate"
  ],
  ["KCV-0046", "low", "Ensure that the --peer-client-cert-auth argument is set to true"],
  ["KCV-0047", "low", "Ensure that the --peer-auto-tls argument is not set to true"],
  [
    "KCV-0048",
    "high",
    "Ensure that the API server pod specification file permissions are set to 600 or more restrictive"
  ],
  [
    "KCV-0049",
    "high",
    "Ensure that the API server pod specification file ownership is set to root:root"
  ],
  [
    "KCV-0050",
    "high",
    "Ensure that the controller manager pod specification file permissions are set to 600 or more restrictive"
  ],
  [
    "KCV-0051",
    "high",
    "Ensure that the controller manager pod specification file ownership is set to root:root"
  ],
  [
    "KCV-0052",
    "high",
    "Ensure that the scheduler pod specification file permissions are set to 600 or more restrictive"
  ],
  [
    "KCV-0053",
    "high",
    "Ensure that the scheduler pod specification file ownership is set to root:root"
  ],
  [
    "KCV-0054",
    "high",
    "Ensure that the etcd pod specification file permissions are set to 600 or more restrictive"
  ],
  ["KCV-0055", "high", "Ensure that the etcd pod specification file ownership is set to root:root"],
  [
    "KCV-0056",
    "high",
    "Ensure that the container network interface file permissions are set to 600 or more restrictive"
  ],
  [
    "KCV-0057",
    "high",
    "Ensure that the container network interface file ownership is set to root:root"
  ],
  [
    "KCV-0058",
    "low",
    "Ensure that the etcd data directory permissions are set to 700 or more restrictive"
  ],
  ["KCV-0059", "low", "Ensure that the etcd data directory ownership is set to etcd:etcd"],
  [
    "KCV-0060",
    "critical",
    "Ensure that the admin config file permissions are set to 600 or more restrictive"
  ],
  ["KCV-0061", "critical", "Ensure that the admin config  file ownership is set to root:root"],
  [
    "KCV-0062",
    "high",
    "Ensure that the scheduler config file permissions are set to 600 or more restrictive"
  ],
  ["KCV-0063", "high", "Ensure that the scheduler config  file ownership is set to root:root"],
  [
    "KCV-0064",
    "high",
    "Ensure that the controller-manager config file permissions are set to 600 or more restrictive"
  ],
  [
    "KCV-0065",
    "high",
    "Ensure that the controller-manager config  file ownership is set to root:root"
  ],
  [
    "KCV-0066",
    "critical",
    "Ensure that the Kubernetes PKI directory and file file ownership is set to root:root"
  ],
  ["KCV-0067", "critical", "Ensure that the Kubernetes PKI key file permission is set to 600"],
  ["KCV-0068", "high", "Ensure that the Kubernetes PKI certificate file permission is set to 600"],
  [
    "KCV-0069",
    "high",
    "Ensure that the kubelet service file permissions are set to 600 or more restrictive"
  ],
  ["KCV-0070", "critical", "Ensure that the kubelet service file ownership is set to root:root"],
  [
    "KCV-0071",
    "high",
    "If proxy kubeconfig file exists ensure permissions are set to 600 or more restrictive"
  ],
  ["KCV-0072", "high", "if proxy kubeconfig file exists ensure ownership is set to root:root"],
  [
    "KCV-0073",
    "high",
    "Ensure that the --kubeconfig kubelet.conf file permissions are set to 600 or more restrictive"
  ],
  [
    "KCV-0074",
    "high",
    "Ensure that the --kubeconfig kubelet.conf file ownership is set to root:root"
  ],
  [
    "KCV-0075",
    "critical",
    "Ensure that the certificate authorities file permissions are set to 600 or more restrictive"
  ],
  [
    "KCV-0076",
    "critical",
    "Ensure that the client certificate authorities file ownership is set to root:root"
  ],
  [
    "KCV-0077",
    "high",
    "If the kubelet config.yaml configuration file is being used validate permissions set to 600 or more restrictive"
  ],
  [
    "KCV-0078",
    "high",
    "If the kubelet config.yaml configuration file is being used validate file ownership is set to root:root"
  ],
  ["KCV-0079", "critical", "Ensure that the --anonymous-auth argument is set to false"],
  ["KCV-0080", "high", "Ensure that the --authorization-mode argument is not set to AlwaysAllow"],
  ["KCV-0081", "critical", "Ensure that the --client-ca-file argument is set as appropriate"],
  ["KCV-0082", "high", "Verify that the --read-only-port argument is set to 0"],
  ["KCV-0083", "high", "Ensure that the --protect-kernel-defaults is set to true"],
  ["KCV-0084", "high", "Ensure that the --make-iptables-util-chains argument is set to true"],
  [
    "KCV-0085",
    "high",
    "Ensure that the --streaming-connection-idle-timeout argument is not set to 0"
  ],
  ["KCV-0086", "high", "Ensure that the --hostname-override argument is not set"],
  [
    "KCV-0087",
    "high",
    "Ensure that the --event-qps argument is set to 0 or a level which ensures appropriate event capture"
  ],
  ["KCV-0088", "critical", "Ensure that the --tls-cert-file argument are set as appropriate"],
  ["KCV-0089", "critical", "Ensure that the --tls-key-file argument are set as appropriate"],
  ["KCV-0090", "high", "Ensure that the --rotate-certificates argument is not set to false"],
  ["KCV-0091", "high", "Verify that the RotateKubeletServerCertificate argument is set to true"],
  [
    "KCV-0092",
    "critical",
    "Ensure that the Kubelet only makes use of Strong Cryptographic Ciphers"
  ],
  ["KCV-0093", "critical", "Ensure ingress-nginx annotations are secure"],
  ["KSV-0001", "medium", "Can elevate its own privileges"],
  ["KSV-0002", "low", "Runtime/Default AppArmor profile not set"],
  ["KSV-0003", "low", "Default capabilities: some containers do not drop all"],
  ["KSV-0004", "low", "Default capabilities: some containers do not drop any"],
  ["KSV-0005", "high", "SYS_ADMIN capability added"],
  ["KSV-0006", "high", "hostPath volume mounted with docker.sock"],
  ["KSV-0007", "low", "Manages /etc/hosts"],
  ["KSV-0008", "high", "Access to host IPC namespace"],
  ["KSV-0009", "high", "Access to host network"],
  ["KSV-0010", "high", "Access to host PID"],
  ["KSV-0011", "low", "CPU not limited"],
  ["KSV-0012", "medium", "Runs as root user"],
  ["KSV-0013", "medium", 'Image tag ":latest" used'],
  ["KSV-0014", "high", "Root file system is not read-only"],
  ["KSV-0015", "low", "CPU requests not specified"],
  ["KSV-0016", "low", "Memory requests not specified"],
  ["KSV-0017", "high", "Privileged"],
  ["KSV-0018", "low", "Memory not limited"],
  ["KSV-0020", "low", "Runs with UID <= 10000"],
  ["KSV-0021", "low", "Runs with GID <= 10000"],
  ["KSV-0022", "medium", "Specific capabilities added"],
  ["KSV-0023", "medium", "hostPath volumes mounted"],
  ["KSV-0024", "high", "Access to host ports"],
  ["KSV-0025", "medium", "SELinux custom options set"],
  ["KSV-0026", "medium", "Unsafe sysctl options set"],
  ["KSV-0027", "medium", "Non-default /proc masks set"],
  ["KSV-0028", "low", "Non-core volume types used."],
  ["KSV-0030", "low", "Runtime/Default Seccomp profile not set"],
  ["KSV-0032", "medium", "All container images must start with the *.azurecr.io domain"],
  ["KSV-0033", "medium", "All container images must start with a GCR domain"],
  ["KSV-0034", "medium", "Container images from public registries used"],
  ["KSV-0035", "medium", "All container images must start with an ECR domain"],
  ["KSV-0036", "medium", "Protecting Pod service account tokens"],
  ["KSV-0037", "medium", "User resources should not be placed in kube-system namespace"],
  ["KSV-0038", "medium", "Selector usage in network policies"],
  ["KSV-0039", "low", "limit range usage"],
  ["KSV-0040", "low", "resource quota usage"],
  ["KSV-0041", "critical", "Manage secrets"],
  ["KSV-0042", "medium", "Delete pod logs"],
  ["KSV-0043", "critical", "Do not allow impersonation of privileged groups"],
  ["KSV-0044", "critical", "No wildcard verb and resource roles"],
  ["KSV-0045", "critical", "No wildcard verb roles"],
  ["KSV-0046", "critical", "Manage all resources"],
  ["KSV-0047", "high", "Do not allow privilege escalation from node proxy"],
  ["KSV-0048", "medium", "Manage Kubernetes workloads and pods"],
  ["KSV-0049", "medium", "Manage configmaps"],
  ["KSV-0050", "critical", "Manage Kubernetes RBAC resources"],
  [
    "KSV-0051",
    "high",
    "Do not allow role binding creation and association with privileged role/clusterrole"
  ],
  [
    "KSV-0052",
    "high",
    "Do not allow role to create ClusterRoleBindings and association with privileged role"
  ],
  ["KSV-0053", "high", "Exec into Pods"],
  ["KSV-0054", "high", "Do not allow attaching to shell on pods"],
  [
    "KSV-0055",
    "low",
    "Do not allow users in a rolebinding to add other users to their rolebindings"
  ],
  ["KSV-0056", "high", "Manage Kubernetes networking"],
  ["KSV-01010", "medium", "ConfigMap with sensitive content"],
  ["KSV-01011", "critical", "system:authenticate group access binding"],
  ["KSV-0102", "critical", "Tiller Is Deployed"],
  ["KSV-0103", "medium", "Access to host process"],
  ["KSV-0104", "medium", "Seccomp policies disabled"],
  ["KSV-0105", "low", "Containers must not set runAsUser to 0"],
  ["KSV-0106", "low", "Container capabilities must only include NET_BIND_SERVICE"],
  ["KSV-0107", "low", "The deprecated 'apiVersion' and 'kind' should not be used"],
  ["KSV-0108", "high", "Service with External IP"],
  ["KSV-0109", "high", "ConfigMap with secrets"],
  ["KSV-0110", "low", "Workloads in the default namespace"],
  ["KSV-0111", "medium", "User with admin access"],
  ["KSV-0112", "critical", "Manage all resources at the namespace"],
  ["KSV-0113", "medium", "Manage namespace secrets"],
  ["KSV-0114", "critical", "Manage webhookconfigurations"],
  ["KSV-0115", "critical", "Manage EKS IAM Auth ConfigMap"],
  ["KSV-0116", "low", "Runs with a root primary or supplementary GID"],
  ["KSV-0117", "medium", "Prevent binding to privileged ports"],
  ["KSV-0118", "high", "Default security context configured"],
  ["KSV-0119", "high", "NET_RAW capability added"],
  ["KSV-0120", "high", "SYS_MODULE capability added"],
  ["KSV-0121", "high", "Kubernetes resource with disallowed volumes mounted"],
  ["KSV-0122", "critical", "Anonymous user access binding"],
  ["KSV-0123", "critical", "system:masters group access binding"],
  ["KSV-0124", "high", "Gatekeeper repo reference is ambiguously open-ended"],
  ["KSV-0125", "medium", "Restrict container images to trusted registries"]
];

// src/scanners/trivy.ts
var DB_FAILURE2 = [
  /failed to download vulnerability DB/i,
  /DB error/i,
  /OCI artifact error/i,
  /db download/i
];
function imageDbFlags(offline) {
  return offline ? ["--skip-db-update", "--skip-java-db-update", "--offline-scan"] : ["--skip-db-update"];
}
function dbFile(cacheDir) {
  return path16.join(cacheDir, "db", "trivy.db");
}
function rotateRepositories(repositories, attempt) {
  if (repositories.length === 0) return [];
  const shift = (attempt - 1) % repositories.length;
  return [...repositories.slice(shift), ...repositories.slice(0, shift)];
}
async function convert(context, report, format, output) {
  const exit = await context.exec(["convert", "--format", format, "--output", output, report]);
  return outcomeOf(exit, [output], { what: `trivy convert --format ${format}` });
}
function packageFromTrivyMessage(message) {
  const name = /Package: ([^\n]+)/.exec(message)?.[1]?.trim();
  if (!name) return void 0;
  const version = /Installed Version: ([^\n]+)/.exec(message)?.[1]?.trim();
  const fixed = /Fixed Version: ([^\n]*)/.exec(message)?.[1]?.trim();
  return { name, ...version ? { version } : {}, ...fixed ? { fixedVersion: fixed } : {} };
}
var TRIVY_SEVERITIES = /* @__PURE__ */ new Set([
  "CRITICAL",
  "HIGH",
  "MEDIUM",
  "LOW",
  "UNKNOWN"
]);
function severityFromTrivyMessage(message) {
  const word = /^Severity: ([A-Z]+)\r?$/m.exec(message)?.[1];
  return word !== void 0 && TRIVY_SEVERITIES.has(word) ? severityFromWord(word) : void 0;
}
function severityOfTrivyRule(rule2) {
  const word = rule2.properties?.tags?.find((tag) => TRIVY_SEVERITIES.has(tag));
  return word === void 0 ? void 0 : severityFromWord(word);
}
function normalizeTrivyCheckId(id) {
  const match = /^(?:AVD-)?([A-Z]+)-?0*(\d+)$/i.exec(id.trim());
  return match ? `${match[1]?.toUpperCase()}-${match[2]}` : void 0;
}
var TrivyVulnerabilitySchema = external_exports.looseObject({
  VulnerabilityID: external_exports.string(),
  VendorIDs: external_exports.array(external_exports.string()).optional(),
  PkgName: external_exports.string(),
  InstalledVersion: external_exports.string().optional(),
  FixedVersion: external_exports.string().optional(),
  PkgIdentifier: external_exports.looseObject({ PURL: external_exports.string().optional() }).optional(),
  Severity: external_exports.string().optional(),
  Title: external_exports.string().optional(),
  PrimaryURL: external_exports.string().optional(),
  CweIDs: external_exports.array(external_exports.string()).optional()
});
var TrivyReportSchema = external_exports.looseObject({
  Results: external_exports.array(
    external_exports.looseObject({
      Type: external_exports.string().optional(),
      Vulnerabilities: external_exports.array(TrivyVulnerabilitySchema).nullish()
    })
  ).nullish()
});
function trivyDetails(data) {
  const report = TrivyReportSchema.parse(data);
  const details = /* @__PURE__ */ new Map();
  for (const target of report.Results ?? []) {
    for (const v of target.Vulnerabilities ?? []) {
      details.set(vulnerabilityKey(v.VulnerabilityID, v.PkgName, v.InstalledVersion), {
        aliases: [v.VulnerabilityID, ...v.VendorIDs ?? []],
        package: {
          name: v.PkgName,
          ...v.InstalledVersion ? { version: v.InstalledVersion } : {},
          ...v.FixedVersion ? { fixedVersion: v.FixedVersion } : {},
          ...v.PkgIdentifier?.PURL ? { purl: v.PkgIdentifier.PURL } : {},
          ...target.Type ? { ecosystem: target.Type } : {}
        },
        cwe: v.CweIDs ?? []
      });
    }
  }
  return details;
}
function trivyResultKey(ruleId, message) {
  const pkg = packageFromTrivyMessage(message);
  return pkg ? vulnerabilityKey(ruleId, pkg.name, pkg.version) : void 0;
}
var TrivySchema = external_exports.looseObject({
  SchemaVersion: external_exports.number(),
  ArtifactType: external_exports.string().optional(),
  ArtifactName: external_exports.string().optional(),
  Results: external_exports.array(
    external_exports.looseObject({
      Target: external_exports.string(),
      Class: external_exports.string().optional(),
      Type: external_exports.string().optional(),
      Vulnerabilities: external_exports.array(TrivyVulnerabilitySchema).nullish(),
      Misconfigurations: external_exports.array(
        external_exports.looseObject({
          ID: external_exports.string(),
          AVDID: external_exports.string().optional(),
          Title: external_exports.string().optional(),
          Message: external_exports.string().optional(),
          Severity: external_exports.string().optional(),
          PrimaryURL: external_exports.string().optional(),
          Status: external_exports.string().optional(),
          CauseMetadata: external_exports.looseObject({
            Resource: external_exports.string().optional(),
            StartLine: external_exports.number().optional(),
            EndLine: external_exports.number().optional()
          }).optional()
        })
      ).nullish(),
      Secrets: external_exports.array(
        external_exports.looseObject({
          RuleID: external_exports.string(),
          Title: external_exports.string().optional(),
          Severity: external_exports.string().optional(),
          StartLine: external_exports.number().optional(),
          EndLine: external_exports.number().optional()
        })
      ).nullish(),
      Licenses: external_exports.array(
        external_exports.looseObject({
          Name: external_exports.string(),
          PkgName: external_exports.string().optional(),
          Severity: external_exports.string().optional(),
          FilePath: external_exports.string().optional()
        })
      ).nullish()
    })
  ).nullish()
});
function trivyJsonToSarif(data) {
  const parsed = TrivySchema.safeParse(data);
  if (!parsed.success) return void 0;
  const rules = /* @__PURE__ */ new Map();
  const results = [];
  for (const target of parsed.data.Results ?? []) {
    const targetPath = target.Class === "os-pkgs" ? target.Target.replace(/ \([^)]*\)$/, "") : target.Target;
    for (const v of target.Vulnerabilities ?? []) {
      rule(rules, v.VulnerabilityID, () => ({
        id: v.VulnerabilityID,
        shortDescription: { text: v.Title ?? v.VulnerabilityID },
        ...v.PrimaryURL ? { helpUri: v.PrimaryURL } : {},
        properties: {
          tags: ["vulnerability", "security", v.Severity ?? "UNKNOWN", ...v.CweIDs ?? []],
          ...securitySeverity(v.Severity)
        }
      }));
      results.push({
        ruleId: v.VulnerabilityID,
        level: "error",
        message: {
          text: `Package: ${v.PkgName}
Installed Version: ${v.InstalledVersion ?? ""}
Vulnerability ${v.VulnerabilityID}
Severity: ${v.Severity ?? "UNKNOWN"}
Fixed Version: ${v.FixedVersion ?? ""}`
        },
        locations: location(targetPath, 1),
        properties: writeScanfoldProperties(void 0, {
          package: {
            name: v.PkgName,
            ...v.InstalledVersion ? { version: v.InstalledVersion } : {},
            ...v.FixedVersion ? { fixedVersion: v.FixedVersion } : {},
            ...v.PkgIdentifier?.PURL ? { purl: v.PkgIdentifier.PURL } : {}
          },
          aliases: [v.VulnerabilityID, ...v.VendorIDs ?? []]
        })
      });
    }
    for (const m of target.Misconfigurations ?? []) {
      if (m.Status && m.Status !== "FAIL") continue;
      rule(rules, m.ID, () => ({
        id: m.ID,
        shortDescription: { text: m.Title ?? m.ID },
        ...m.PrimaryURL ? { helpUri: m.PrimaryURL } : {},
        properties: {
          tags: ["misconfiguration", "security", m.Severity ?? "UNKNOWN"],
          ...securitySeverity(m.Severity)
        }
      }));
      results.push({
        ruleId: m.ID,
        message: { text: m.Message ?? m.Title ?? m.ID },
        locations: location(target.Target, m.CauseMetadata?.StartLine, m.CauseMetadata?.EndLine)
      });
    }
    for (const s of target.Secrets ?? []) {
      rule(rules, s.RuleID, () => ({
        id: s.RuleID,
        shortDescription: { text: s.Title ?? s.RuleID },
        properties: {
          tags: ["secret", "security", s.Severity ?? "UNKNOWN"],
          ...securitySeverity(s.Severity)
        }
      }));
      results.push({
        ruleId: s.RuleID,
        message: { text: `Secret: ${s.Title ?? s.RuleID}` },
        locations: location(target.Target, s.StartLine, s.EndLine)
      });
    }
    for (const l of target.Licenses ?? []) {
      const id = `license-${l.Name}`;
      rule(rules, id, () => ({
        id,
        shortDescription: { text: `License ${l.Name}` },
        properties: { tags: ["license", l.Severity ?? "UNKNOWN"], ...securitySeverity(l.Severity) }
      }));
      results.push({
        ruleId: id,
        message: { text: `${l.PkgName ?? l.FilePath ?? target.Target}: license ${l.Name}` },
        locations: location(l.FilePath ?? target.Target)
      });
    }
  }
  const log = sarifLog("Trivy", void 0, rules, results);
  const { ArtifactType, ArtifactName } = parsed.data;
  if (ArtifactType === "container_image")
    annotateImageResults(log, ArtifactName || "container-image", () => void 0);
  return log;
}
function trivyPassedChecks(data) {
  const parsed = TrivySchema.safeParse(data);
  if (!parsed.success) return [];
  return (parsed.data.Results ?? []).flatMap(
    (target) => (target.Misconfigurations ?? []).flatMap((m) => {
      const resource = m.CauseMetadata?.Resource;
      if (m.Status !== "PASS" || !resource && target.Type !== "dockerfile") return [];
      return [{ checkId: m.ID, file: target.Target, ...resource ? { resource } : {} }];
    })
  );
}
async function scanImage(context, image, index, common) {
  const stem = path16.join(context.workDir, imageFileStem("trivy", index));
  const report = `${stem}.json`;
  const layerScanners = common.scanners.filter(
    (scanner) => scanner === "vuln" || scanner === "secret"
  );
  const configScanners = common.scanners.filter((s) => s === "misconfig" || s === "secret");
  const args = [
    "image",
    "--scanners",
    layerScanners.join(",") || "none",
    ...configScanners.length ? ["--image-config-scanners", configScanners.join(",")] : [],
    "--format",
    "json",
    "--list-all-pkgs",
    "--output",
    report,
    ...common.flags,
    ...trivyImageArgs(image)
  ];
  const exit = await context.exec(args);
  const scanned = outcomeOf(exit, [report], {
    what: `trivy image ${image.ref}`,
    transient: DB_FAILURE2
  });
  if (scanned.kind !== "ok") return scanned;
  const log = trivyJsonToSarif(await readJson(report));
  if (!log)
    return {
      kind: "failed",
      transient: false,
      message: `trivy image ${image.ref}: the JSON report is not in Trivy's format`
    };
  await writeFile2(`${stem}.sarif`, JSON.stringify(log, null, 2));
  return { kind: "ok", files: [report, `${stem}.sarif`] };
}
var CHECK_SEVERITY = new Map(
  TRIVY_CHECK_ROWS.flatMap(([id, severity]) => {
    const intent = normalizeTrivyCheckId(id);
    return intent ? [[intent, { severity, check: id }]] : [];
  })
);
var explainTrivy = explainWith(TrivySchema, (data) => {
  const fields = fieldsOf(data);
  return "SchemaVersion" in fields && ("ArtifactName" in fields || "Results" in fields);
});
var TRIVY_OUTPUT = {
  nativeJson: {
    label: "Trivy JSON",
    toSarif: trivyJsonToSarif,
    explain: (data) => (
      // `trivy k8s --format json` writes a cluster report, laid out per resource: not read here.
      "ClusterName" in fieldsOf(data) ? "ClusterName: a Trivy Kubernetes report (trivy k8s), which is not read; scan its manifests with trivy config and its images with trivy image" : explainTrivy(data)
    )
  },
  details: trivyDetails,
  keyOf: trivyResultKey
};
var TRIVY_SCANNERS = ["vuln", "misconfig", "secret", "license"];
var DEFAULT_TRIVY_SCANNERS = ["vuln", "misconfig", "secret"];
var TRIVY_SETTINGS = toolSettings({
  key: "trivy",
  schema: external_exports.object({
    scanners: external_exports.array(external_exports.enum(TRIVY_SCANNERS)).min(1),
    dbRepositories: external_exports.array(external_exports.string().min(1)),
    cacheDir: external_exports.string()
  }).partial().strict(),
  resolve: (section2, { root, cacheBase }) => ({
    scanners: section2?.scanners ?? DEFAULT_TRIVY_SCANNERS,
    dbRepositories: section2?.dbRepositories ?? [],
    cacheDir: path16.resolve(root, section2?.cacheDir ?? path16.join(cacheBase, "trivy"))
  })
});
var trivy = {
  name: "trivy",
  tool: "trivy",
  typicalSeconds: 1.9,
  title: "Trivy",
  description: "filesystem: vulnerabilities, misconfigurations, secrets, licenses",
  outputs: "JSON, converted by `trivy convert` to SARIF and CycloneDX",
  categories: ["vulnerability", "iac", "secret", "license", "sbom"],
  // Trivy calls home for version checks and telemetry unless both are off.
  settings: TRIVY_SETTINGS,
  env: {
    TRIVY_DISABLE_VEX_NOTICE: "true",
    TRIVY_SKIP_VERSION_CHECK: "true",
    TRIVY_DISABLE_TELEMETRY: "true"
  },
  applies: () => ({ applies: true }),
  versionArgs: ["--version"],
  parseVersion: firstSemver,
  exclude: { honoured: true },
  async scan(context) {
    const { trivy: settings, offline } = context.config;
    const notes = [];
    let scanners = [...settings.scanners];
    const haveDb = existsSync8(dbFile(settings.cacheDir));
    if (scanners.includes("vuln") && offline && !haveDb) {
      scanners = scanners.filter((scanner) => scanner !== "vuln");
      notes.push(
        `vulnerability scanning skipped: offline and no vulnerability DB in ${settings.cacheDir}`
      );
    }
    if (scanners.length === 0) return { kind: "skipped", reason: notes.join("; ") };
    const report = path16.join(context.workDir, "trivy.json");
    const common = [
      "--format",
      "json",
      "--list-all-pkgs",
      "--output",
      report,
      "--cache-dir",
      settings.cacheDir,
      "--exit-code",
      "0",
      "--no-progress",
      "--skip-check-update"
    ];
    for (const pattern of context.config.exclude) common.push("--skip-dirs", pattern);
    if (scanners.includes("misconfig")) common.push("--include-non-failures");
    const base = ["fs", "--scanners", scanners.join(","), ...common];
    const dbFlags = offline ? ["--skip-db-update", "--skip-java-db-update", "--offline-scan"] : [];
    const repositories = rotateRepositories(settings.dbRepositories, context.attempt);
    if (!offline && repositories.length > 0)
      dbFlags.push("--db-repository", repositories.join(","));
    let exit = await context.exec([...base, ...dbFlags, "."]);
    const dbFailed = exit.exitCode !== 0 && looksTransient(exit.stderrTail, DB_FAILURE2);
    if (dbFailed && context.lastAttempt && haveDb && !offline) {
      const age = Math.round(
        (Date.now() - statSync2(dbFile(settings.cacheDir)).mtimeMs) / 36e5
      );
      notes.push(
        `vulnerability DB download failed (${exit.stderrTail.at(-1)?.trim() ?? "unknown error"}); used the cached DB, ${age} h old, which may be stale`
      );
      exit = await context.exec([...base, "--skip-db-update", "--skip-java-db-update", "."]);
    }
    const others = scanners.filter((scanner) => scanner !== "vuln");
    if (dbFailed && context.lastAttempt && !haveDb && !offline && others.length < scanners.length) {
      if (others.length > 0) {
        notes.push(
          `vulnerability scanning skipped: the vulnerability DB could not be downloaded (${exit.stderrTail.at(-1)?.trim() ?? "unknown error"}) and no cached DB exists`
        );
        exit = await context.exec([
          "fs",
          "--scanners",
          others.join(","),
          ...common,
          "--skip-db-update",
          "--skip-java-db-update",
          "."
        ]);
      }
    }
    const scanned = outcomeOf(exit, [report], { what: "trivy fs", transient: DB_FAILURE2 });
    if (scanned.kind === "failed" && scanned.transient) {
      const retryAfterMs = parseRetryAfter(exit.stderrTail.join("\n"), Date.now());
      if (retryAfterMs !== void 0) return { ...scanned, retryAfterMs };
    }
    if (scanned.kind !== "ok") return scanned;
    const sarif = await convert(
      context,
      report,
      "sarif",
      path16.join(context.workDir, "trivy.sarif")
    );
    if (sarif.kind !== "ok") return sarif;
    const sbom = await convert(
      context,
      report,
      "cyclonedx",
      path16.join(context.workDir, "trivy.cdx.json")
    );
    if (sbom.kind !== "ok") return sbom;
    const files = [report, ...sarif.files, ...sbom.files];
    const imageFlags = [
      "--cache-dir",
      settings.cacheDir,
      "--exit-code",
      "0",
      "--no-progress",
      "--skip-check-update",
      ...imageDbFlags(offline)
    ];
    for (const [position, image] of context.config.images.entries()) {
      const outcome = await scanImage(context, image, position + 1, {
        scanners,
        flags: imageFlags
      });
      if (outcome.kind !== "ok") return outcome;
      files.push(...outcome.files);
    }
    return { kind: "ok", files, notes };
  },
  async parse(outputs, context) {
    const { directory, images } = splitImageOutputs(outputs, "trivy");
    const parsed = await parseEnriched(directory, TRIVY_OUTPUT);
    for (const { log } of parsed.sarif) {
      for (const run3 of log.runs) {
        const rootPath = run3.originalUriBaseIds?.ROOTPATH?.uri;
        if (rootPath === void 0 || /\.json\/?$/i.test(rootPath))
          run3.originalUriBaseIds = {
            ...run3.originalUriBaseIds,
            ROOTPATH: { uri: pathToFileURL4(context.root + "/").href }
          };
      }
    }
    for (const [index, imageOutputs] of [...images].sort(([a], [b]) => a - b)) {
      const native = imageOutputs.find((output) => output.kind === "native");
      const own = await parseEnriched(imageOutputs, TRIVY_OUTPUT);
      const { ref, layers } = native ? trivyImageLayers(await native.read(), vulnerabilityKey) : noImageLayers();
      for (const { log } of own.sarif)
        annotateImageResults(log, imageRefFor(context, index, ref), (ruleId, message) => {
          const key = trivyResultKey(ruleId, message);
          return key ? layers.get(key) : void 0;
        });
      addParsed(parsed, own);
    }
    return parsed;
  },
  ownsDriver: driverContains("trivy"),
  nativeJson: TRIVY_OUTPUT.nativeJson,
  passedChecks: trivyPassedChecks,
  packageFromMessage: packageFromTrivyMessage,
  // Trivy's SARIF adds a CVSS `security-severity` that often disagrees with its own rating.
  statedSeverity: { fromMessage: severityFromTrivyMessage, fromRule: severityOfTrivyRule },
  iac: { intentOf: normalizeTrivyCheckId, severityOf: (intent) => CHECK_SEVERITY.get(intent) }
};

// src/scanners/registry.ts
var ADAPTERS = [
  trivy,
  semgrep,
  gitleaks,
  checkov,
  syft,
  grype,
  govulncheck,
  osvScanner
];
var TOOL_SETTINGS = ADAPTERS.flatMap(
  (adapter) => adapter.settings ? [adapter.settings] : []
);
var SCANNER_NAMES = ADAPTERS.map((adapter) => adapter.name);
var BY_NAME = new Map(ADAPTERS.map((adapter) => [adapter.name, adapter]));
function adapterNamed(name) {
  return BY_NAME.get(name);
}
function knowledgeOf(adapters) {
  const byName = new Map(adapters.map((adapter) => [adapter.name, adapter]));
  const toolMemo = /* @__PURE__ */ new Map();
  const twinned = new Set(adapters.flatMap((adapter) => [...adapter.iac?.twins?.values() ?? []]));
  const iacIntent2 = (tool, ruleId) => {
    const intent = byName.get(tool)?.iac?.intentOf(ruleId);
    return intent !== void 0 && twinned.has(intent) ? intent : void 0;
  };
  return {
    toolOf(driverName) {
      let tool = toolMemo.get(driverName);
      if (tool === void 0) {
        tool = adapters.find((adapter) => adapter.ownsDriver(driverName))?.name ?? genericToolName(driverName);
        if (toolMemo.size > 1e4) toolMemo.clear();
        toolMemo.set(driverName, tool);
      }
      return tool;
    },
    categoryOf(tool, ruleId, tags) {
      return byName.get(tool)?.categoryOf?.(ruleId, tags);
    },
    severityFromMessage(tool, message) {
      return byName.get(tool)?.statedSeverity?.fromMessage?.(message);
    },
    severityOfRule(tool, rule2) {
      return byName.get(tool)?.statedSeverity?.fromRule?.(rule2);
    },
    defaultSeverity(tool) {
      return byName.get(tool)?.defaultSeverity;
    },
    packageFromMessage(tool, message) {
      const own = byName.get(tool);
      const found = own?.packageFromMessage?.(message);
      if (found) return found;
      for (const adapter of adapters) {
        if (adapter === own) continue;
        const pkg = adapter.packageFromMessage?.(message);
        if (pkg) return pkg;
      }
      return void 0;
    },
    iacIntent: iacIntent2,
    twinSeverity(tool, ruleId) {
      const intent = iacIntent2(tool, ruleId);
      if (intent === void 0) return void 0;
      for (const adapter of adapters) {
        if (adapter.name === tool) continue;
        const rated = adapter.iac?.severityOf?.(intent);
        if (rated) return { severity: rated.severity, source: `${adapter.title} ${rated.check}` };
      }
      return void 0;
    }
  };
}
var TOOL_KNOWLEDGE = knowledgeOf(ADAPTERS);

// src/config/schema.ts
import os from "node:os";
import path17 from "node:path";
var FAIL_ON = ["critical", "high", "medium", "low", "none"];
var FailOnSchema = external_exports.enum(FAIL_ON);
var FAIL_ON_SCOPES = ["new", "all"];
var FailOnScopeSchema = external_exports.enum(FAIL_ON_SCOPES);
var DaySchema = external_exports.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2027-03-31").refine((day) => {
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(day);
}, "is not a real date");
var SuppressionSchema = external_exports.object({
  rule: external_exports.string().min(1).optional().describe("Rule id, e.g. CKV_DOCKER_2 (any tool of the finding)"),
  fingerprint: external_exports.string().min(8).optional().describe("Finding fingerprint (or a prefix of at least 8 characters), or its SF- id"),
  cve: external_exports.string().min(1).optional().describe("CVE or GHSA id; aliases of the advisory match too"),
  path: external_exports.string().min(1).optional().describe("Glob on the finding path, e.g. test/**"),
  tool: external_exports.string().min(1).optional().describe("Scanner that reported it, e.g. semgrep"),
  reason: external_exports.string().trim().min(1).describe("Why the risk is accepted (ticket, owner)"),
  expires: DaySchema.optional().describe(
    "Last day it applies (YYYY-MM-DD); afterwards it is reported as expired"
  )
}).strict().refine(
  (entry) => Boolean(entry.rule ?? entry.fingerprint ?? entry.cve ?? entry.path ?? entry.tool),
  { message: "needs at least one of rule, fingerprint, cve, path, tool" }
);
var LicensePolicySchema = external_exports.object({
  deny: external_exports.array(external_exports.string().min(1)).describe("SPDX ids or expressions; a component whose licence satisfies one is denied"),
  allow: external_exports.array(external_exports.string().min(1)).describe("When set, only licences satisfying one of these are allowed"),
  severity: SeveritySchema.describe("Severity of a licence finding (default: medium)"),
  unknown: external_exports.enum(["flag", "ignore"]).describe("A component without a recognisable licence: flag (default) or ignore")
}).partial().strict();
function defaultToolCache() {
  if (process.env.SCANFOLD_TOOL_CACHE) return path17.resolve(process.env.SCANFOLD_TOOL_CACHE);
  const base = process.env.XDG_CACHE_HOME || path17.join(os.homedir(), ".cache");
  return path17.join(base, "scanfold", "tools");
}
var SCANFOLD_SETTINGS = {
  scanners: external_exports.array(external_exports.enum(SCANNER_NAMES)).min(1),
  failOn: FailOnSchema,
  failOnScope: FailOnScopeSchema.describe(
    "Which findings the gate counts: new (vs the baseline) or all. Default: new with a baseline, else all"
  ),
  baseline: external_exports.string().min(1).describe("A previous report.json to compare with"),
  suppressions: external_exports.array(SuppressionSchema),
  licenses: LicensePolicySchema,
  retries: external_exports.number().int().min(0).max(10),
  timeoutMinutes: external_exports.number().positive().max(360),
  concurrency: external_exports.number().int().min(1).max(64),
  outputDir: external_exports.string().min(1),
  offline: external_exports.boolean(),
  exclude: external_exports.array(external_exports.string()),
  /** Container images to scan besides the directory (see plan/image.ts for the forms). */
  images: external_exports.array(external_exports.string().min(1))
};
var FileConfigSchema = external_exports.object({
  ...SCANFOLD_SETTINGS,
  ...Object.fromEntries(TOOL_SETTINGS.map((settings) => [settings.key, settings.schema]))
}).partial().strict();

// src/config/load.ts
var DEFAULT_CONFIG_FILES = [".scanfold.yml", ".scanfold.yaml", ".scanfold.json"];
function formatZodIssues(where, error) {
  return error.issues.map((issue) => `${where}: ${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
}
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
function closest(value, candidates) {
  let best;
  for (const candidate of candidates) {
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(best.candidate.length / 3)) ? best.candidate : void 0;
}
function keysAt(schema, keyPath) {
  let current = schema;
  const unwrap = (node2) => {
    let inner = node2;
    for (let depth = 0; depth < 10; depth++) {
      if (inner instanceof external_exports.ZodOptional || inner instanceof external_exports.ZodDefault)
        inner = inner.unwrap();
      else if (inner instanceof external_exports.ZodPipe) inner = inner.in;
      else break;
    }
    return inner;
  };
  for (const key of keyPath) {
    if (!current) return [];
    const node2 = unwrap(current);
    if (node2 instanceof external_exports.ZodObject)
      current = node2.shape[String(key)];
    else if (node2 instanceof external_exports.ZodArray) current = node2.element;
    else return [];
  }
  const node = current ? unwrap(current) : void 0;
  return node instanceof external_exports.ZodObject ? Object.keys(node.shape) : [];
}
function singular(keyPath) {
  const name = [...keyPath].reverse().find((key) => typeof key === "string") ?? "value";
  return name.endsWith("s") ? name.slice(0, -1) : name;
}
function lineOf(source, keyPath, key) {
  const offset = (node) => node?.range?.[0];
  let at;
  if (key !== void 0) {
    const parent = keyPath.length ? source.document.getIn(keyPath, true) : source.document.contents;
    if ((0, import_yaml.isMap)(parent)) {
      const pair = parent.items.find((item) => (0, import_yaml.isScalar)(item.key) && item.key.value === key);
      at = offset(pair?.key);
    }
  }
  for (let depth = keyPath.length; at === void 0 && depth >= 0; depth--) {
    const node = depth ? source.document.getIn(keyPath.slice(0, depth), true) : source.document.contents;
    at = offset(node);
  }
  return at === void 0 ? void 0 : source.lines.linePos(at).line;
}
function describeConfigIssues(file, error, source) {
  const display = path18.relative(process.cwd(), file) || file;
  const keyName = (keyPath) => keyPath.reduce(
    (text3, key) => typeof key === "number" ? `${text3}[${key}]` : text3 ? `${text3}.${String(key)}` : String(key),
    ""
  );
  const lines = [];
  for (const issue of error.issues) {
    const where = (key) => {
      const line = source ? lineOf(source, issue.path, key) : void 0;
      return line === void 0 ? display : `${display}:${line}`;
    };
    if (issue.code === "unrecognized_keys") {
      const known2 = keysAt(FileConfigSchema, issue.path);
      for (const key of issue.keys) {
        const guess = closest(key, known2);
        const full = keyName([...issue.path, key]);
        lines.push(
          `${where(key)}: unknown key '${full}'${guess ? ` \u2014 did you mean '${keyName([...issue.path, guess])}'?` : known2.length ? ` (valid: ${known2.join(", ")})` : ""}`
        );
      }
      continue;
    }
    if (issue.code === "invalid_value" && source) {
      const received = source.document.getIn(issue.path);
      const values = issue.values.map(String);
      const guess = typeof received === "string" ? closest(received, values) : void 0;
      lines.push(
        `${where()}: ${keyName(issue.path)}: unknown ${singular(issue.path)} ${typeof received === "string" ? `'${received}'` : JSON.stringify(received)}${guess ? ` \u2014 did you mean '${guess}'?` : ` (one of: ${values.join(", ")})`}`
      );
      continue;
    }
    lines.push(`${where()}: ${keyName(issue.path) || "(root)"}: ${issue.message}`);
  }
  const lineNumber = (text3) => Number(/^[^:]*:(\d+):/.exec(text3)?.[1] ?? 0);
  return lines.sort((a, b) => lineNumber(a) - lineNumber(b));
}
function readConfigFile(file) {
  let text3;
  try {
    text3 = readFileSync2(file, "utf8");
  } catch (error) {
    throw new ConfigurationError(`config file ${file}: cannot be read: ${errorMessage(error)}`);
  }
  const lines = new import_yaml.LineCounter();
  const document = (0, import_yaml.parseDocument)(text3, { lineCounter: lines, prettyErrors: false });
  const display = path18.relative(process.cwd(), file) || file;
  if (document.errors.length > 0) {
    const first = document.errors[0];
    const line = first?.pos[0] === void 0 ? void 0 : lines.linePos(first.pos[0]).line;
    throw new ConfigurationError(
      `${display}${line ? `:${line}` : ""}: not valid ${file.endsWith(".json") ? "JSON" : "YAML"}: ${first?.message.split("\n")[0] ?? "parse error"}`
    );
  }
  const raw = document.toJS();
  const parsed = FileConfigSchema.safeParse(raw ?? {});
  if (!parsed.success)
    throw new ConfigurationError(
      describeConfigIssues(file, parsed.error, { document, lines }).join("\n")
    );
  return parsed.data;
}
function findConfigFile(root, explicit) {
  if (explicit) {
    const file = path18.resolve(root, explicit);
    if (!existsSync9(file)) throw new ConfigurationError(`config file ${file}: not found`);
    return file;
  }
  return DEFAULT_CONFIG_FILES.map((name) => path18.join(root, name)).find((file) => existsSync9(file));
}
function sectionOf(config, key) {
  const section2 = Object.hasOwn(config, key) ? config[key] : void 0;
  return typeof section2 === "object" && section2 !== null ? section2 : void 0;
}
function toolSettingsOf(config, context) {
  return Object.fromEntries(
    TOOL_SETTINGS.map((settings) => [
      settings.key,
      settings.resolve(sectionOf(config, settings.key), context)
    ])
  );
}
function resolveConfig(request) {
  const root = path18.resolve(request.root);
  if (!existsSync9(root)) throw new ConfigurationError(`path ${root}: does not exist`);
  const configFile = findConfigFile(root, request.configFile);
  const fromFile = configFile ? readConfigFile(configFile) : {};
  const overrides = request.overrides ?? {};
  const sections = new Map(
    TOOL_SETTINGS.map(({ key }) => [
      key,
      { ...sectionOf(fromFile, key), ...sectionOf(overrides, key) }
    ])
  );
  const merged = {
    ...fromFile,
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== void 0)),
    ...Object.fromEntries(sections)
  };
  const checked = FileConfigSchema.safeParse(merged);
  if (!checked.success)
    throw new ConfigurationError(formatZodIssues("configuration", checked.error));
  const c = checked.data;
  const cacheBase = path18.join(os2.homedir(), ".cache", "scanfold");
  const config = {
    root,
    scanners: c.scanners ?? SCANNER_NAMES,
    failOn: c.failOn ?? "high",
    failOnScope: c.failOnScope,
    baseline: c.baseline ? path18.resolve(root, c.baseline) : void 0,
    suppressions: c.suppressions ?? [],
    licenses: c.licenses ?? {},
    retries: c.retries ?? 2,
    timeoutMs: Math.round((c.timeoutMinutes ?? 15) * 6e4),
    concurrency: c.concurrency ?? os2.availableParallelism(),
    outputDir: path18.resolve(root, c.outputDir ?? "scanfold-results"),
    offline: c.offline ?? false,
    exclude: c.exclude ?? [],
    images: [...new Set(c.images ?? [])].map((ref) => {
      const image = parseImageRef(ref, root);
      checkLocalImage(image);
      return image;
    }),
    toolCache: request.toolCache ?? defaultToolCache(),
    retryBaseMs: request.retryBaseMs ?? 2e3,
    retryCapMs: 6e4,
    ...toolSettingsOf(c, { root, cacheBase })
  };
  return Object.freeze(config);
}

// src/engine.ts
import { mkdir as mkdir4, rm as rm5, writeFile as writeFile7 } from "node:fs/promises";
import os6 from "node:os";
import path28 from "node:path";

// src/install/installer.ts
import { createHash as createHash2 } from "node:crypto";
import { createReadStream, existsSync as existsSync10, statSync as statSync3 } from "node:fs";
import {
  chmod,
  cp,
  mkdir,
  mkdtemp,
  readFile as readFile4,
  rename as rename2,
  rm,
  symlink,
  writeFile as writeFile3
} from "node:fs/promises";
import os3 from "node:os";
import path19 from "node:path";

// src/run/process.ts
import { spawn } from "node:child_process";
var STDOUT_LIMIT = 4 * 1024 * 1024;
var TAIL_LINES = 20;
var ANSI_ESCAPE = /\x1b\[[0-9;?]*[A-Za-z]/g;
var KILL_GRACE_MS = 3e3;
function killTree(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
    }
  }
}
var activeGroups = /* @__PURE__ */ new Set();
var cancelHandlersInstalled = false;
function trackProcessGroup(pid) {
  installCancelHandlers();
  activeGroups.add(pid);
  return () => activeGroups.delete(pid);
}
function installCancelHandlers() {
  if (cancelHandlersInstalled) return;
  cancelHandlersInstalled = true;
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      for (const pid of activeGroups) killTree(pid, "SIGKILL");
      process.kill(process.pid, signal);
    });
  }
}
function runProcess(request) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(request.command, [...request.args], {
      cwd: request.cwd,
      env: { ...process.env, ...request.env },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"]
    });
    installCancelHandlers();
    const pid = child.pid;
    if (pid) activeGroups.add(pid);
    let stdout = "";
    const tail = [];
    let timedOut = false;
    let spawnError;
    const pending = { stdout: "", stderr: "" };
    const onChunk = (stream, chunk) => {
      const text3 = chunk.toString("utf8");
      if (stream === "stdout" && stdout.length < STDOUT_LIMIT) stdout += text3;
      const lines = (pending[stream] + text3).split("\n");
      pending[stream] = lines.pop() ?? "";
      for (const line of lines) emit(stream, line);
    };
    const emit = (stream, line) => {
      line = line.replace(ANSI_ESCAPE, "");
      if (stream === "stderr" && line.trim()) {
        tail.push(line);
        if (tail.length > TAIL_LINES) tail.shift();
      }
      request.onLine?.(stream, line);
    };
    child.stdout.on("data", (chunk) => onChunk("stdout", chunk));
    child.stderr.on("data", (chunk) => onChunk("stderr", chunk));
    let killTimer;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid) {
        killTree(child.pid, "SIGTERM");
        const pid2 = child.pid;
        killTimer = setTimeout(() => killTree(pid2, "SIGKILL"), KILL_GRACE_MS);
      }
    }, request.timeoutMs);
    child.on("error", (error) => {
      spawnError = error.message;
    });
    child.on("close", (exitCode, signal) => {
      if (pid) activeGroups.delete(pid);
      clearTimeout(timer);
      if (child.pid) killTree(child.pid, "SIGKILL");
      if (killTimer) clearTimeout(killTimer);
      for (const stream of ["stdout", "stderr"])
        if (pending[stream]) emit(stream, pending[stream]);
      resolve({
        exitCode,
        signal,
        timedOut,
        spawnError,
        stdout,
        stderrTail: tail,
        durationMs: Date.now() - started
      });
    });
  });
}

// src/install/pip-lock.ts
var FIT_SCRIPT = String.raw`
import json, platform, re, sys
from pip._vendor.packaging.markers import Marker
from pip._vendor.packaging import tags as t

lock_file, target = sys.argv[1], json.loads(sys.argv[2]) if len(sys.argv) > 2 else None
if target:
    major, minor = (int(part) for part in target['python'].split('.')[:2])
    platforms = (list(t.mac_platforms((target['macos'], 0), target['platformMachine']))
                 if target.get('macos') else target['platforms'])
    supported = set(t.cpython_tags((major, minor), platforms=platforms))
    supported |= set(t.compatible_tags((major, minor), 'cp%d%d' % (major, minor), platforms))
    system = {'linux': 'Linux', 'darwin': 'Darwin', 'win32': 'Windows'}[target['sysPlatform']]
    environment = {
        'implementation_name': 'cpython', 'implementation_version': target['python'],
        'os_name': 'nt' if target['sysPlatform'] == 'win32' else 'posix',
        'platform_machine': target['platformMachine'], 'platform_python_implementation': 'CPython',
        'platform_release': '', 'platform_system': system, 'platform_version': '',
        'python_full_version': target['python'], 'python_version': '%d.%d' % (major, minor),
        'sys_platform': target['sysPlatform'], 'extra': '',
    }
    interpreter = 'CPython %s on %s %s' % (target['python'], system, target['platformMachine'])
else:
    supported = set(t.sys_tags())
    environment = None
    interpreter = '%s %s on %s %s' % (platform.python_implementation(),
        platform.python_version(), platform.system(), platform.machine())

def wheel_tags(name):
    python, abi, plat = name[:-len('.whl')].split('-')[-3:]
    return {t.Tag(i, a, p) for i in python.split('.') for a in abi.split('.') for p in plat.split('.')}

requirement = re.compile(r'^([A-Za-z0-9][A-Za-z0-9._-]*==[^\s;\\]+)\s*(?:;\s*(.*?))?\s*(?:\\|--hash|$)')
files, unfit, fit = [], [], 0
for line in open(lock_file, encoding='utf-8'):
    line = line.rstrip('\n')
    file = re.match(r'^#\s+(\S+)\s+sha256:[0-9a-f]{64}$', line)
    if file:
        files.append(file.group(1))
        continue
    match = requirement.match(line)
    if not match:
        continue
    pinned, marker = match.group(1), match.group(2)
    if not marker or Marker(marker).evaluate(environment):
        wheels = [f for f in files if f.endswith('.whl')]
        if any(wheel_tags(f) & supported for f in wheels):
            fit += 1
        else:
            unfit.append(pinned)
    files = []
print(json.dumps({'interpreter': interpreter, 'unfit': unfit, 'fit': fit}))
`;
async function checkLockFit(python, lockFile, target) {
  const args = ["-c", FIT_SCRIPT, lockFile, ...target ? [JSON.stringify(target)] : []];
  const result = await runProcess({ command: python, args, cwd: process.cwd(), timeoutMs: 6e4 });
  if (result.exitCode !== 0)
    throw new Error(
      `cannot check ${lockFile} against ${python}: ${result.spawnError ?? result.stderrTail.slice(-3).join(" | ")}`
    );
  try {
    return JSON.parse(result.stdout);
  } catch (error) {
    throw new Error(`cannot check ${lockFile} against ${python}: ${errorMessage(error)}`, {
      cause: error
    });
  }
}

// src/install/installer.ts
var InstallError = class extends Error {
  name = "InstallError";
};
function statFingerprint(file) {
  const info = statSync3(file, { bigint: true });
  return `${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
}
var MARKER = ".scanfold-install.json";
var INSTALL_TIMEOUT_MS = 45 * 6e4;
function toolDir(toolCache, name, version) {
  return path19.join(toolCache, name, version);
}
async function sha256File(file) {
  const hash3 = createHash2("sha256");
  for await (const chunk of createReadStream(file)) hash3.update(chunk);
  return hash3.digest("hex");
}
function findOnPath(name) {
  for (const dir of (process.env.PATH ?? "").split(path19.delimiter)) {
    if (!dir) continue;
    const candidate = path19.join(dir, name);
    if (existsSync10(candidate)) return candidate;
  }
  return void 0;
}
async function verifiedCacheEntry(dir, name) {
  const executable = path19.join(dir, "bin", name);
  if (!existsSync10(executable)) return void 0;
  const markerFile = path19.join(dir, MARKER);
  const stat4 = statFingerprint(executable);
  const recorded = existsSync10(markerFile) ? JSON.parse(await readFile4(markerFile, "utf8")) : void 0;
  if (recorded?.verifiedStat === stat4) return executable;
  const actual = await sha256File(executable);
  if (!recorded) {
    await writeMarker(dir, {
      tool: name,
      version: path19.basename(dir),
      source: "registry",
      sha256: actual,
      verifiedStat: stat4
    });
    return executable;
  }
  if (!recorded || recorded.sha256 !== actual) return void 0;
  await writeMarker(dir, { ...recorded, verifiedStat: stat4 });
  return executable;
}
async function markerProvenance(dir) {
  try {
    const marker = JSON.parse(await readFile4(path19.join(dir, MARKER), "utf8"));
    return marker.provenance ?? { verifiedBy: "unverified", sha256: marker.sha256 };
  } catch {
    return void 0;
  }
}
async function writeMarker(dir, marker) {
  await writeFile3(path19.join(dir, MARKER), JSON.stringify(marker, null, 2) + "\n");
}
async function fetchWithRetry(url, request) {
  const { name } = request;
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10 * 6e4) });
      if (response.status === 429 || response.status >= 500) {
        const retryAfter = response.headers.get("retry-after");
        throw new TransientError(
          `HTTP ${response.status} from ${url}`,
          retryAfter ? parseRetryAfter(`retry-after: ${retryAfter}`, request.clock.now()) : void 0
        );
      }
      if (!response.ok)
        throw new InstallError(`${name}: download ${url} failed: HTTP ${response.status}`);
      return Buffer.from(await response.arrayBuffer());
    } catch (error) {
      const transient = error instanceof TransientError || error instanceof TypeError && !(error instanceof InstallError);
      if (!transient || attempt >= request.attempts) {
        if (error instanceof InstallError) throw error;
        throw new InstallError(
          `${name}: download ${url} failed after ${attempt} attempts: ${errorMessage(error)}`
        );
      }
      const delay = backoffDelay(
        { baseMs: request.retryBaseMs, capMs: 6e4 },
        attempt,
        request.clock,
        error instanceof TransientError ? error.retryAfterMs : void 0
      );
      request.logger.warning(
        `${name}: download attempt ${attempt} failed (${errorMessage(error)}); retrying in ${delay} ms`
      );
      await request.clock.sleep(delay);
    }
  }
}
function checksumFor(checksums, fileName) {
  for (const line of checksums.split(/\r?\n/)) {
    const match = /^([0-9a-fA-F]{64})\s+\*?(.+?)\s*$/.exec(line);
    if (match?.[2] === fileName) return match[1]?.toLowerCase();
  }
  return void 0;
}
async function downloadVerified(request) {
  const { release, name } = request;
  const body = await fetchWithRetry(release.url, request);
  const digest = createHash2("sha256").update(body).digest("hex");
  if (release.sha256 !== void 0 && digest !== release.sha256) {
    throw new InstallError(
      `${name}: checksum mismatch for ${release.url}: expected sha256 ${release.sha256}, got ${digest}; refusing to install`
    );
  }
  if (release.checksums !== void 0) {
    const listing = (await fetchWithRetry(release.checksums, request)).toString("utf8");
    const fileName = decodeURIComponent(new URL(release.url).pathname.split("/").pop() ?? "");
    const listed = checksumFor(listing, fileName);
    if (listed === void 0)
      throw new InstallError(
        `${name}: ${release.checksums} does not list ${fileName}; refusing to install`
      );
    if (listed !== digest)
      throw new InstallError(
        `${name}: checksum mismatch for ${release.url}: the release's checksums file says sha256 ${listed}, got ${digest}; refusing to install`
      );
  }
  return {
    body,
    provenance: {
      verifiedBy: release.sha256 !== void 0 ? "pinned-sha256" : "release-checksums",
      sha256: digest
    }
  };
}
async function installFromRelease(name, release, staging, options) {
  const { body, provenance } = await downloadVerified({
    name,
    release,
    attempts: options.downloadAttempts ?? 4,
    retryBaseMs: options.retryBaseMs ?? 1e3,
    clock: options.clock,
    logger: options.logger
  });
  const bin = path19.join(staging, "bin");
  await mkdir(bin, { recursive: true });
  if (!release.binary) {
    await writeFile3(path19.join(bin, name), body);
  } else {
    const archive = path19.join(staging, "download.tar.gz");
    await writeFile3(archive, body);
    const unpack = path19.join(staging, "unpack");
    await mkdir(unpack);
    const tar = await runProcess({
      command: "tar",
      args: ["-xzf", archive, "-C", unpack],
      cwd: staging,
      timeoutMs: 3e5
    });
    if (tar.exitCode !== 0)
      throw new InstallError(`${name}: cannot unpack ${release.url}: ${tar.stderrTail.join(" ")}`);
    await rename2(path19.join(unpack, release.binary), path19.join(bin, name));
    await rm(unpack, { recursive: true, force: true });
    await rm(archive);
  }
  await chmod(path19.join(bin, name), 493);
  return provenance;
}
async function run(command, args, cwd, env) {
  const result = await runProcess({ command, args, cwd, env, timeoutMs: INSTALL_TIMEOUT_MS });
  if (result.exitCode !== 0) {
    throw new InstallError(
      `${command} ${args.join(" ")} failed (${result.spawnError ?? `exit ${result.exitCode}`}): ${result.stderrTail.slice(-5).join(" | ")}`
    );
  }
  return result.stdout;
}
async function installFromRegistry(name, source, target) {
  const bin = path19.join(target, "bin");
  await mkdir(bin, { recursive: true });
  if (source.kind === "pypi") {
    const venv = path19.join(target, "venv");
    await run("python3", ["-m", "venv", venv], target);
    const pip = path19.join(venv, "bin", "pip");
    const quiet = ["install", "--quiet", "--disable-pip-version-check"];
    if (source.requirements) {
      const fit = await checkLockFit(path19.join(venv, "bin", "python"), source.requirements);
      if (fit.unfit.length > 0)
        throw new InstallError(
          `${name}: the hash lock ${path19.basename(source.requirements)} has no wheel for ${fit.interpreter} (${fit.unfit.join(", ")}); refusing to install unverified \u2014 use a platform and Python it covers (see its header)`
        );
    }
    await run(
      pip,
      source.requirements ? [...quiet, "--require-hashes", "--only-binary=:all:", "-r", source.requirements] : [...quiet, `${source.package}==${source.version}`],
      target
    );
    await symlink(path19.join(venv, "bin", name), path19.join(bin, name));
    return source.requirements ? { verifiedBy: "pip-require-hashes", sha256: await sha256File(source.requirements) } : { verifiedBy: "unverified" };
  }
  const ldflags = `-s -w ${source.ldflags}`.trim();
  if (source.method === "install") {
    const target2 = `${path19.posix.join(source.module, source.package)}@${source.version}`;
    await run("go", ["install", "-trimpath", "-ldflags", ldflags, target2], bin, {
      CGO_ENABLED: "0",
      GOBIN: bin,
      GOFLAGS: "",
      ...source.env
    });
    const elements = path19.posix.join(source.module, source.package).split("/");
    const last = elements.at(-1) ?? name;
    const binary = /^v\d+$/.test(last) && elements.length > 1 ? elements.at(-2) ?? name : last;
    const built = path19.join(bin, binary);
    if (built !== path19.join(bin, name)) await rename2(built, path19.join(bin, name));
    return { verifiedBy: "go-sum" };
  }
  const info = JSON.parse(
    await run("go", ["mod", "download", "-json", `${source.module}@${source.version}`], target)
  );
  const work = await mkdtemp(path19.join(os3.tmpdir(), `scanfold-${name}-src-`));
  try {
    await cp(info.Dir, work, { recursive: true });
    await run("chmod", ["-R", "u+w", work], target);
    await run(
      "go",
      ["build", "-trimpath", "-ldflags", ldflags, "-o", path19.join(bin, name), source.package],
      work,
      {
        CGO_ENABLED: "0",
        GOFLAGS: "-mod=mod",
        ...source.env
      }
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return { verifiedBy: "go-sum" };
}
async function ensureTool(name, spec, options) {
  const base = { name, pinnedVersion: spec.version };
  if (!options.ignorePath) {
    const onPath = findOnPath(name);
    if (onPath) {
      const sha2563 = await sha256File(onPath).catch(() => void 0);
      return {
        ...base,
        executable: onPath,
        source: "path",
        ...sha2563 ? { provenance: { verifiedBy: "unverified", sha256: sha2563 } } : {}
      };
    }
  }
  const dir = toolDir(options.toolCache, name, spec.version);
  const cached2 = await verifiedCacheEntry(dir, name);
  if (cached2) {
    const provenance2 = await markerProvenance(dir);
    return { ...base, executable: cached2, source: "cache", ...provenance2 ? { provenance: provenance2 } : {} };
  }
  if (!options.allowInstall) {
    throw new InstallError(
      `${name}: not installed (not on PATH, not in ${dir}); run \`scanfold install --scanners ${name}\``
    );
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const errors = [];
  const release = spec.releases[options.platform ?? `${process.platform}-${os3.arch()}`];
  let source;
  let provenance;
  if (release) {
    try {
      options.logger.info(`${name}: downloading ${release.url}`);
      provenance = await installFromRelease(name, release, dir, options);
      source = "download";
    } catch (error) {
      errors.push(errorMessage(error));
      options.logger.warning(
        `${errorMessage(error)}; falling back to the ${spec.registry.kind} registry`
      );
    }
  }
  if (!source) {
    try {
      options.logger.info(
        `${name}: building ${spec.version} from the ${spec.registry.kind} registry`
      );
      const installed = await installFromRegistry(name, spec.registry, dir);
      source = "registry";
      provenance = { verifiedBy: installed.verifiedBy, sha256: installed.sha256 ?? "" };
    } catch (error) {
      errors.push(errorMessage(error));
      throw new InstallError(errors.join("; "));
    }
  }
  const executable = path19.join(dir, "bin", name);
  const sha2562 = await sha256File(executable);
  if (provenance && !provenance.sha256) provenance = { ...provenance, sha256: sha2562 };
  await writeMarker(dir, { tool: name, version: spec.version, source, sha256: sha2562, provenance });
  return { ...base, executable, source, ...provenance ? { provenance } : {} };
}

// src/install/manifest.ts
import { readFileSync as readFileSync3 } from "node:fs";
import path20 from "node:path";
var ReleaseSchema = external_exports.object({
  url: external_exports.string().url(),
  /** The archive's SHA-256, pinned here: the strongest check, used wherever a published value is known. */
  sha256: external_exports.string().regex(/^[0-9a-f]{64}$/).optional(),
  /**
   * The release's own checksums file (`<sha256>  <file name>` lines), as the tool's installer
   * verifies against it (Anchore's install.sh does for Syft and Grype).
   */
  checksums: external_exports.string().url().optional(),
  /** Path of the binary inside the archive; absent for a bare binary. */
  binary: external_exports.string().optional()
}).refine((release) => release.sha256 !== void 0 || release.checksums !== void 0, {
  message: "a release needs a pinned sha256 or a checksums file to verify against"
});
var RegistrySchema = external_exports.discriminatedUnion("kind", [
  external_exports.object({
    kind: external_exports.literal("pypi"),
    package: external_exports.string(),
    version: external_exports.string(),
    /**
     * A hash-locked requirements file (every distribution, dependencies included, with its SHA-256
     * from PyPI), relative to tools.json: installed with `pip --require-hashes`.
     */
    requirements: external_exports.string().optional()
  }),
  external_exports.object({
    kind: external_exports.literal("go"),
    module: external_exports.string(),
    version: external_exports.string(),
    package: external_exports.string(),
    ldflags: external_exports.string().default(""),
    /** Build environment, e.g. GOEXPERIMENT for tools that need one. */
    env: external_exports.record(external_exports.string(), external_exports.string()).default({}),
    /**
     * `build` (the default) compiles a copy of the module (works with replace directives); `install` runs
     * `go install module/package@version`, which records the module version in the binary's build
     * info, for tools that report their version from it (govulncheck). Needs no replace directives.
     */
    method: external_exports.enum(["build", "install"]).optional()
  })
]);
var ToolSchema = external_exports.object({
  version: external_exports.string(),
  registry: RegistrySchema,
  /** Keyed by `${process.platform}-${process.arch}`, e.g. linux-x64. */
  releases: external_exports.record(external_exports.string(), ReleaseSchema).default({})
});
var ManifestSchema = external_exports.object({ tools: external_exports.record(external_exports.string(), ToolSchema) });
function loadManifest(file = path20.join(packageRoot(), "tools.json")) {
  const parsed = ManifestSchema.safeParse(JSON.parse(readFileSync3(file, "utf8")));
  if (!parsed.success)
    throw new ConfigurationError(formatZodIssues(`tool manifest ${file}`, parsed.error));
  for (const tool of Object.values(parsed.data.tools)) {
    if (tool.registry.kind === "pypi" && tool.registry.requirements)
      tool.registry.requirements = path20.resolve(path20.dirname(file), tool.registry.requirements);
  }
  return parsed.data;
}

// src/model/ports.ts
var systemClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random()
};

// src/normalize/extract.ts
import { hash as hash2 } from "node:crypto";

// src/normalize/secrets.ts
import { hash } from "node:crypto";
var SECRET_CWES = /* @__PURE__ */ new Set(["CWE-798", "CWE-259", "CWE-321", "CWE-522"]);
var SECRET_RULE = /^CKV2?_SECRET_|(^|[./_-])(secrets?|hardcoded[-_.]?(password|credential|secret|key|token)s?)([./_-]|$)/i;
function isSecret(signals) {
  return signals.tool === "gitleaks" || signals.tags.includes("secret") || signals.tags.includes("secrets") || SECRET_RULE.test(signals.ruleId) || signals.cwes.some((cwe) => SECRET_CWES.has(cwe));
}
var TOOL_REDACTED = /^(REDACTED|\*+|.*\*{4,}.*|\[redacted[^\]]*\])$/i;
function secretHint(ruleId, value) {
  const text3 = value?.trim() ?? "";
  if (/^\[secret redacted: [^\n]*\]$/.test(text3)) return text3;
  if (!text3 || TOOL_REDACTED.test(text3)) return `[secret redacted: ${ruleId}]`;
  const prefix = text3.length >= 12 ? `, starts "${JSON.stringify(text3.slice(0, 4)).slice(1, -1)}"` : "";
  return `[secret redacted: ${ruleId}${prefix}, ${text3.length} chars]`;
}
function redactedDigest(value) {
  if (/^sha256:[0-9a-f]{32}$/.test(value)) return value;
  return `sha256:${hash("sha256", `scanfold-redact\0${value}`, "hex").slice(0, 32)}`;
}
var KNOWN_PREFIX = /^(AKIA|ASIA|AGPA|AIDA|AROA|gh[pousr]_|github_pat_|glpat-|xox[abprs]-|sk_live_|rk_live_|AIza|ya29\.|npm_|pypi-)/;
function looksLikeCredential(token) {
  if (token.length < 16 || TOOL_REDACTED.test(token)) return false;
  if (KNOWN_PREFIX.test(token)) return true;
  if (/\/[^/]*\.[A-Za-z0-9]{1,8}$/.test(token) || /^[\w.-]+\.[a-z]{1,5}$/.test(token)) return false;
  const upper = /[A-Z]/.test(token);
  const lower = /[a-z]/.test(token);
  const digit = /\d/.test(token);
  if (upper && lower && digit) return true;
  return token.length >= 20 && digit && (upper || lower) && !/[_]/.test(token);
}
function secretTokens(snippet) {
  if (!snippet) return [];
  const tokens = /* @__PURE__ */ new Set();
  for (const match of snippet.matchAll(/[A-Za-z0-9+/=_.~-]{16,}/g)) {
    const token = match[0].replace(/^[._~-]+|[._~-]+$/g, "");
    if (looksLikeCredential(token)) tokens.add(token);
  }
  return [...tokens];
}
var REDACTED = "[secret redacted]";
var TOKENS_PER_PATTERN = 256;
var patterns = /* @__PURE__ */ new WeakMap();
function patternsFor(tokens) {
  let compiled = patterns.get(tokens);
  if (compiled) return compiled;
  const variants = /* @__PURE__ */ new Set();
  for (const token of tokens) {
    if (!token) continue;
    variants.add(token);
    variants.add(JSON.stringify(token).slice(1, -1));
    variants.add(token.toLowerCase());
    variants.add(encodeURIComponent(token));
  }
  const sorted = [...variants].sort((a, b) => b.length - a.length);
  compiled = [];
  for (let start = 0; start < sorted.length; start += TOKENS_PER_PATTERN)
    compiled.push(
      new RegExp(
        sorted.slice(start, start + TOKENS_PER_PATTERN).map((token) => token.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&")).join("|"),
        "g"
      )
    );
  patterns.set(tokens, compiled);
  return compiled;
}
var URI_REDACTED = "secret-redacted";
function scrubTokens(text3, tokens, marker = REDACTED) {
  if (tokens.length === 0) return text3;
  let out = text3;
  for (const pattern of patternsFor(tokens)) out = out.replace(pattern, marker);
  return out;
}
var CUT_TAIL = /([A-Za-z0-9+/=_.~-]+)(…|\.\.\.)$/;
function scrubCutTitles(findings, tokens) {
  if (tokens.length === 0) return;
  const heads = /* @__PURE__ */ new Set();
  for (const token of tokens)
    for (let length = 4; length < Math.min(token.length, 256); length++)
      heads.add(token.slice(0, length));
  for (const finding of findings) {
    const cut = CUT_TAIL.exec(finding.title);
    const tail = cut?.[1];
    if (!cut || !tail) continue;
    for (let start = 0; start + 4 <= tail.length; start++)
      if (heads.has(tail.slice(start))) {
        finding.title = `${finding.title.slice(0, cut.index + start)}${REDACTED}${cut[2]}`;
        break;
      }
  }
}

// src/normalize/title.ts
function saysNothing(text3, ruleId) {
  const bare = text3.trim();
  return bare === "" || bare === ruleId || bare.endsWith(`: ${ruleId}`) || /^(semgrep|checkov|trivy|grype|gitleaks) (finding|result|rule)\b/i.test(bare) || /^Misconfiguration$/i.test(bare);
}
function firstLine(text3) {
  let start = 0;
  while (start < text3.length) {
    const end = text3.indexOf("\n", start);
    const line = text3.slice(start, end < 0 ? text3.length : end);
    if (line.trim()) return line;
    if (end < 0) break;
    start = end + 1;
  }
  return text3;
}
var shortened = /* @__PURE__ */ new Map();
function shorten(text3, max = 110) {
  const key = max === 110 ? text3 : `${max}\0${text3}`;
  const known2 = shortened.get(key);
  if (known2 !== void 0) return known2;
  const title = shortenOnce(text3, max);
  if (shortened.size > 5e4) shortened.clear();
  shortened.set(key, title);
  return title;
}
function shortenOnce(text3, max) {
  let title = firstLine(text3).trim();
  const sentenceEnd = /(?<=[a-z0-9)'"])\. (?=[A-Z])/.exec(title);
  if (sentenceEnd) title = title.slice(0, sentenceEnd.index);
  title = title.replace(/\.$/, "");
  if (title.length > 80) {
    const comma = title.indexOf(", ");
    if (comma >= 15) title = title.slice(0, comma);
  }
  const open2 = title.lastIndexOf("(");
  if (open2 > title.lastIndexOf(")")) title = title.slice(0, open2).trimEnd();
  if (title.length > max) {
    const paren = title.indexOf(" (");
    if (paren >= 25) title = title.slice(0, paren);
  }
  return title.length > max ? `${title.slice(0, max - 1).trimEnd()}\u2026` : title;
}
function ruleTitle(rule2, ruleId) {
  for (const candidate of [rule2?.shortDescription?.text, rule2?.fullDescription?.text])
    if (candidate && !saysNothing(shorten(candidate), ruleId)) return shorten(candidate);
  return void 0;
}
function messageTitle(rule2, message, ruleId) {
  for (const candidate of [message, rule2?.name])
    if (candidate && !saysNothing(shorten(candidate), ruleId)) return shorten(candidate);
  return ruleId;
}

// src/normalize/extract.ts
function sha256(text3) {
  return hash2("sha256", text3, "hex");
}
function toolNameOf(run3, knowledge) {
  return knowledge.toolOf(run3.tool.driver.name);
}
var rulesById = /* @__PURE__ */ new WeakMap();
function ruleById(rules, id) {
  let byId = rulesById.get(rules);
  if (!byId) {
    byId = /* @__PURE__ */ new Map();
    for (const rule2 of rules) if (!byId.has(rule2.id)) byId.set(rule2.id, rule2);
    rulesById.set(rules, byId);
  }
  return byId.get(id);
}
function ruleComponentOf(run3, result) {
  const reference = result.rule?.toolComponent;
  if (!reference) return run3.tool.driver;
  const extensions = run3.tool.extensions ?? [];
  if (typeof reference.index === "number" && reference.index >= 0)
    return extensions[reference.index];
  if (reference.guid !== void 0) {
    if (run3.tool.driver.guid === reference.guid) return run3.tool.driver;
    return extensions.find((extension) => extension.guid === reference.guid);
  }
  if (reference.name !== void 0) {
    if (run3.tool.driver.name === reference.name) return run3.tool.driver;
    return extensions.find((extension) => extension.name === reference.name);
  }
  return run3.tool.driver;
}
function ruleFor(run3, result) {
  const rules = ruleComponentOf(run3, result)?.rules ?? [];
  const id = result.ruleId ?? result.rule?.id;
  const index = result.rule?.index ?? result.ruleIndex;
  if (index !== void 0 && index >= 0 && rules[index] && (id === void 0 || rules[index].id === id))
    return rules[index];
  return id === void 0 || rules.length === 0 ? void 0 : ruleById(rules, id);
}
function ruleIdOf(result, rule2) {
  return result.ruleId ?? result.rule?.id ?? rule2?.id ?? "unknown-rule";
}
var ORIGINAL_URI_KEY = "scanfold/uri";
function artifactUriOf(run3, artifact) {
  if (!artifact) return void 0;
  const original = artifact.properties?.[ORIGINAL_URI_KEY];
  if (typeof original === "string") return { uri: original, uriBaseId: void 0 };
  if (typeof artifact.uri === "string") return { uri: artifact.uri, uriBaseId: artifact.uriBaseId };
  const index = artifact.index;
  const listed = typeof index === "number" && index >= 0 ? run3.artifacts?.[index]?.location : void 0;
  if (typeof listed?.uri !== "string") return void 0;
  return { uri: listed.uri, uriBaseId: listed.uriBaseId ?? artifact.uriBaseId };
}
var ADVISORY = /\b(CVE-\d{4}-\d{4,}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}|GO-\d{4}-\d+|PYSEC-\d{4}-\d+|RUSTSEC-\d{4}-\d+|OSV-\d{4}-\d+)\b/gi;
var advisoryMemo = /* @__PURE__ */ new Map();
function advisoryIds(text3) {
  const known2 = advisoryMemo.get(text3);
  if (known2) return [...known2];
  if (advisoryMemo.size > 1e5) advisoryMemo.clear();
  const ids = [
    ...new Set(
      [...text3.matchAll(ADVISORY)].map((match) => {
        const id = match[1] ?? "";
        return id.startsWith("GHSA") || id.startsWith("ghsa") ? "GHSA" + id.slice(4).toLowerCase() : id.toUpperCase();
      })
    )
  ];
  advisoryMemo.set(text3, ids);
  return [...ids];
}
function lowerCase(tag) {
  return tag.toLowerCase();
}
function categoryOf(knowledge, tool, ruleId, tags, cwes) {
  if (isSecret({ tool, ruleId, tags, cwes })) return "secret";
  const decided = knowledge.categoryOf(tool, ruleId, tags);
  if (decided) return decided;
  if (tags.includes("vulnerability")) return "vulnerability";
  if (tags.includes("misconfiguration") || tags.includes("iac")) return "iac";
  if (tags.includes("license")) return "license";
  if (advisoryIds(ruleId).length > 0) return "vulnerability";
  return "code";
}
var CWE = /cwe-(\d+)/gi;
function cwesIn(value, into) {
  if (value === void 0 || value === null || value === "") return;
  const text3 = typeof value === "string" ? value : JSON.stringify(value);
  for (const match of text3.matchAll(CWE)) into.add(`CWE-${Number(match[1])}`);
}
function cwesOfRule(rule2) {
  const found = /* @__PURE__ */ new Set();
  cwesIn(rule2?.properties?.tags, found);
  cwesIn(rule2?.properties?.cwe, found);
  return [...found].sort();
}
function cwesOf(ruleCwes, result, declared) {
  const found = /* @__PURE__ */ new Set();
  if (declared.cwe) cwesIn(declared.cwe, found);
  else {
    for (const cwe of ruleCwes) found.add(cwe);
    cwesIn(result.properties?.tags, found);
    cwesIn(result.properties?.cwe, found);
  }
  return [...found].sort();
}
var MORE_THAN_A_SPACE = /\s\s|[^\S ]/;
function identityOf({ finding, snippet }) {
  const line = `${finding.location.startLine ?? ""}`;
  if (finding.category === "vulnerability")
    return `${finding.package?.name ?? ""}@${finding.package?.version ?? ""}`;
  if (finding.category === "secret") return line;
  const text3 = snippet.trim();
  return (MORE_THAN_A_SPACE.test(text3) ? text3.replace(/\s+/g, " ") : text3) || line;
}
function historyCommit(result) {
  const sha = result.partialFingerprints?.commitSha;
  return typeof sha === "string" && /^[0-9a-f]{7,64}$/i.test(sha) ? sha : void 0;
}
function isSuppressed(result) {
  return (result.suppressions ?? []).some((suppression) => suppression.status !== "rejected");
}
function ruleFactsOf(context, rule2, ruleId) {
  const known2 = context.rules.get(ruleId);
  if (known2 && known2.rule === rule2) return known2;
  const tags = (rule2?.properties?.tags ?? []).map(lowerCase);
  const cwes = cwesOfRule(rule2);
  const facts = {
    rule: rule2,
    tags,
    cwes,
    category: categoryOf(context.options.knowledge, context.tool, ruleId, tags, cwes),
    ids: advisoryIds(ruleId).sort(),
    stated: rule2 ? context.options.knowledge.severityOfRule(context.tool, rule2) : void 0,
    scored: scoredSeverity(rule2?.properties),
    worded: wordedSeverity(rule2?.properties),
    cvss: scoreOf(rule2?.properties?.["security-severity"]),
    title: ruleTitle(rule2, ruleId)
  };
  context.rules.set(ruleId, facts);
  return facts;
}
function pathOf(context, uri, uriBaseId) {
  let byUri = context.paths.get(uriBaseId ?? "");
  if (!byUri) {
    byUri = /* @__PURE__ */ new Map();
    context.paths.set(uriBaseId ?? "", byUri);
  }
  let value = byUri.get(uri);
  if (value === void 0) {
    value = normalizePath(uri, {
      root: context.options.root,
      uriBaseId,
      originalUriBaseIds: context.run.originalUriBaseIds
    });
    byUri.set(uri, value);
  }
  return value;
}
function findingWith(head) {
  const { category, severity, severitySource, ruleId, title, message, helpUri } = head;
  const { tools, sources, location: location2, cwe } = head;
  const id = "";
  const fingerprint = "";
  if (severitySource === void 0)
    return helpUri === void 0 ? {
      id,
      fingerprint,
      category,
      severity,
      ruleId,
      title,
      message,
      tools,
      sources,
      location: location2,
      cwe
    } : {
      id,
      fingerprint,
      category,
      severity,
      ruleId,
      title,
      message,
      helpUri,
      tools,
      sources,
      location: location2,
      cwe
    };
  return helpUri === void 0 ? {
    id,
    fingerprint,
    category,
    severity,
    severitySource,
    ruleId,
    title,
    message,
    tools,
    sources,
    location: location2,
    cwe
  } : {
    id,
    fingerprint,
    category,
    severity,
    severitySource,
    ruleId,
    title,
    message,
    helpUri,
    tools,
    sources,
    location: location2,
    cwe
  };
}
function locationOf(path31, region) {
  const startLine = region?.startLine;
  const endLine = region?.endLine;
  const startColumn = region?.startColumn;
  if (startLine !== void 0 && endLine !== void 0)
    return startColumn === void 0 ? { path: path31, startLine, endLine } : { path: path31, startLine, endLine, startColumn };
  const location2 = { path: path31 };
  if (startLine !== void 0) location2.startLine = startLine;
  if (endLine !== void 0) location2.endLine = endLine;
  if (startColumn !== void 0) location2.startColumn = startColumn;
  return location2;
}
function extractFindings(log, options) {
  const extracted = [];
  log.runs.forEach((run3, runIndex) => {
    const context = {
      options,
      run: run3,
      runIndex,
      tool: options.toolOverride ?? toolNameOf(run3, options.knowledge),
      rules: /* @__PURE__ */ new Map(),
      paths: /* @__PURE__ */ new Map()
    };
    (run3.results ?? []).forEach((result, resultIndex) => {
      extracted.push(extractResult(context, result, resultIndex));
    });
  });
  return extracted;
}
function extractResult(context, result, resultIndex) {
  const { run: run3, tool, options } = context;
  const { knowledge } = options;
  const rule2 = ruleFor(run3, result);
  const ruleId = ruleIdOf(result, rule2);
  const facts = ruleFactsOf(context, rule2, ruleId);
  const message = result.message.text ?? result.message.markdown ?? rule2?.shortDescription?.text ?? ruleId;
  const physical = result.locations?.[0]?.physicalLocation;
  const logical = result.locations?.[0]?.logicalLocations?.[0];
  const artifact = artifactUriOf(run3, physical?.artifactLocation);
  const rawUri = artifact?.uri ?? logical?.fullyQualifiedName ?? logical?.name ?? ".";
  const declared = readScanfoldProperties(result.properties);
  const locationPath = declared.image ? declared.image.ref : pathOf(context, rawUri, artifact?.uriBaseId);
  const region = physical?.region;
  const ownTags = result.properties?.tags;
  const ownCwe = result.properties?.cwe;
  const rulesAlone = declared.cwe === void 0 && (ownTags === void 0 || ownTags.length === 0) && (ownCwe === void 0 || ownCwe === null || ownCwe === "");
  const cwe = rulesAlone ? [...facts.cwes] : cwesOf(facts.cwes, result, declared);
  const category = rulesAlone ? facts.category : categoryOf(knowledge, tool, ruleId, [...facts.tags, ...(ownTags ?? []).map(lowerCase)], cwe);
  const pkg = category === "vulnerability" ? declared.package ?? knowledge.packageFromMessage(tool, message) : void 0;
  const ids = declared.aliases ? advisoryIds([ruleId, ...declared.aliases].join(" ")).sort() : facts.ids;
  const cve = ids.find((id) => id.startsWith("CVE-"));
  const ghsa = ids.find((id) => id.startsWith("GHSA-"));
  const cvss = declared.cvss ?? facts.cvss;
  const snippet = region?.snippet?.text ?? physical?.contextRegion?.snippet?.text ?? "";
  const title = facts.title ?? messageTitle(rule2, message, ruleId);
  let severity = knowledge.severityFromMessage(tool, message) ?? facts.stated ?? scoredSeverity(result.properties) ?? facts.scored ?? wordedSeverity(result.properties) ?? facts.worded;
  let severitySource;
  if (!severity && category === "iac") {
    if (facts.twin === void 0) facts.twin = knowledge.twinSeverity(tool, ruleId) ?? null;
    severity = facts.twin?.severity;
    severitySource = facts.twin?.source;
  }
  severity ??= undeclaredSeverity(result, rule2, knowledge.defaultSeverity(tool));
  const finding = findingWith({
    category,
    severity,
    severitySource,
    ruleId,
    title: title.length > 200 ? title.slice(0, 197) + "..." : title,
    message,
    helpUri: rule2?.helpUri || void 0,
    tools: [tool],
    sources: [{ tool, ruleId, file: options.file, runIndex: context.runIndex, resultIndex }],
    location: locationOf(locationPath, region),
    cwe
  });
  if (pkg) finding.package = pkg;
  if (cve) finding.cve = cve;
  if (ghsa) finding.ghsa = ghsa;
  if (ids.length > 1) finding.aliases = [...ids];
  if (cvss !== void 0 && category === "vulnerability") finding.cvss = cvss;
  if (isSuppressed(result)) finding.suppressed = true;
  if (declared.image) finding.image = declared.image;
  if (declared.reachable !== void 0 && category === "vulnerability")
    finding.reachable = declared.reachable;
  const commit = historyCommit(result);
  if (commit) finding.commit = commit;
  return { finding, snippet };
}

// src/normalize/dedupe.ts
var UnionFind = class {
  parent;
  constructor(size) {
    this.parent = Array.from({ length: size }, (_, index) => index);
  }
  find(index) {
    let root = index;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    let current = index;
    while (this.parent[current] !== root) {
      const next = this.parent[current] ?? root;
      this.parent[current] = root;
      current = next;
    }
    return root;
  }
  union(a, b) {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
  }
};
function versionKey(version) {
  if (version === void 0) return "";
  const digit = version.charCodeAt(1);
  return version.startsWith("v") && digit >= 48 && digit <= 57 ? version.slice(1) : version;
}
function mergeKeys(finding) {
  const { location: location2 } = finding;
  switch (finding.category) {
    case "vulnerability": {
      if (!finding.package) return [];
      const coordinates = `${finding.package.name.toLowerCase()}@${versionKey(finding.package.version)}${finding.image ? `|${finding.image.ref}` : ""}`;
      const keys = [];
      const add = (id) => {
        const key = `vuln|${coordinates}|${id}`;
        if (id && !keys.includes(key)) keys.push(key);
      };
      add(finding.cve);
      add(finding.ghsa);
      finding.aliases?.forEach(add);
      if (keys.length === 0) keys.push(`vuln|${coordinates}|${finding.ruleId}`);
      return keys;
    }
    case "secret":
      return location2.startLine === void 0 ? [] : [`secret|${location2.path}|${location2.startLine}`];
    case "code":
      if (location2.startLine === void 0) return [];
      return finding.cwe.map((cwe) => `code|${location2.path}|${location2.startLine}|${cwe}`);
    // IaC merges per resource, not per key: see unionSameResourceChecks.
    default:
      return [];
  }
}
function mayMerge(a, b) {
  if (a.category === "code" || a.category === "iac")
    return !a.tools.some((tool) => b.tools.includes(tool));
  return true;
}
function fingerprintOf(members, knowledge) {
  const lead = members[0];
  if (!lead) throw new Error("empty group");
  const { finding } = lead;
  if (finding.category === "vulnerability" && finding.package) {
    let canonical;
    const consider = (id) => {
      if (id && (canonical === void 0 || id < canonical)) canonical = id;
    };
    for (const { finding: member } of members) {
      consider(member.cve);
      consider(member.ghsa);
      member.aliases?.forEach(consider);
    }
    canonical ??= finding.ruleId;
    return sha256(
      `vulnerability|${canonical}|${finding.package.name.toLowerCase()}|${versionKey(finding.package.version)}${finding.image ? `|${finding.image.ref}` : ""}`
    );
  }
  if (finding.category === "secret")
    return sha256(`secret|${finding.location.path}|${identityOf(lead)}`);
  const intent = finding.category === "iac" ? knowledge.iacIntent(finding.tools[0] ?? "", finding.ruleId) : void 0;
  const rule2 = intent ?? `${finding.tools[0] ?? ""}:${finding.ruleId}`;
  return sha256(`${finding.category}|${rule2}|${finding.location.path}|${identityOf(lead)}`);
}
function byCodeUnit(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareSources(a, b) {
  const sa = a.finding.sources[0];
  const sb = b.finding.sources[0];
  return byCodeUnit(sa?.file ?? "", sb?.file ?? "") || (sa?.runIndex ?? 0) - (sb?.runIndex ?? 0) || (sa?.resultIndex ?? 0) - (sb?.resultIndex ?? 0);
}
function byKeyOf([a], [b]) {
  return byCodeUnit(a, b);
}
function inMergeOrder(extracted) {
  const byTool = /* @__PURE__ */ new Map();
  for (const item of extracted) {
    const tool = item.finding.sources[0]?.tool ?? "";
    let byRule = byTool.get(tool);
    if (!byRule) {
      byRule = /* @__PURE__ */ new Map();
      byTool.set(tool, byRule);
    }
    const bucket = byRule.get(item.finding.ruleId);
    if (bucket) bucket.push(item);
    else byRule.set(item.finding.ruleId, [item]);
  }
  const ordered = [];
  for (const [, byRule] of [...byTool].sort(byKeyOf)) {
    for (const [, bucket] of [...byRule].sort(byKeyOf)) {
      const inOrder = bucket.every(
        (item, index) => index === 0 || compareSources(bucket[index - 1] ?? item, item) <= 0
      );
      for (const item of inOrder ? bucket : bucket.sort(compareSources)) ordered.push(item);
    }
  }
  return ordered;
}
function reachabilityOf(findings) {
  const verdicts = findings.map((f) => f.reachable).filter((v) => v !== void 0);
  return verdicts.length === 0 ? {} : { reachable: verdicts.includes(true) };
}
function mergeFindings(members) {
  const all = members.map((member) => member.finding);
  const lead = all.find((f) => f.category === "vulnerability" && f.ruleId.startsWith("CVE-")) ?? all[0];
  if (!lead) throw new Error("empty group");
  let severity = lead.severity;
  const ids = /* @__PURE__ */ new Set();
  const tools = /* @__PURE__ */ new Set();
  const cwes = /* @__PURE__ */ new Set();
  const sources = [];
  const byPath = /* @__PURE__ */ new Map([[lead.location.path, lead.location]]);
  let fixedVersion;
  let purl;
  let ecosystem;
  let helpUri;
  let cvss;
  let layeredImage;
  let anyImage;
  let reachable;
  let suppressed = true;
  const addId = (id) => {
    if (id) ids.add(id);
  };
  for (const f of all) {
    if (severityRank[f.severity] > severityRank[severity]) severity = f.severity;
    addId(f.cve);
    addId(f.ghsa);
    f.aliases?.forEach(addId);
    for (const tool of f.tools) tools.add(tool);
    for (const source of f.sources) sources.push(source);
    for (const cwe of f.cwe) cwes.add(cwe);
    byPath.set(f.location.path, f.location);
    fixedVersion ||= f.package?.fixedVersion;
    purl ||= f.package?.purl;
    ecosystem ||= f.package?.ecosystem;
    helpUri ||= f.helpUri;
    cvss ??= f.cvss;
    if (f.image?.layer?.createdBy) layeredImage ??= f.image;
    anyImage ??= f.image;
    if (f.reachable !== void 0) reachable = reachable === true || f.reachable;
    if (!f.suppressed) suppressed = false;
  }
  const aliases = [...ids].sort();
  const cve = aliases.find((id) => id.startsWith("CVE-"));
  const ghsa = aliases.find((id) => id.startsWith("GHSA-"));
  const image = layeredImage ?? anyImage;
  const locations = [...byPath.values()];
  const rated = all.filter((f) => f.severity === severity);
  const severitySource = rated.every((f) => f.severitySource) ? rated[0]?.severitySource : void 0;
  const merged = { ...lead };
  if (locations.length > 1) merged.locations = locations;
  merged.severity = severity;
  merged.severitySource = severitySource;
  merged.tools = [...tools].sort();
  merged.sources = sources;
  merged.cwe = [...cwes].sort();
  if (helpUri) merged.helpUri = helpUri;
  if (lead.package) {
    const pkg = { ...lead.package };
    if (fixedVersion) pkg.fixedVersion = fixedVersion;
    if (purl) pkg.purl = purl;
    if (ecosystem) pkg.ecosystem = ecosystem;
    merged.package = pkg;
  }
  if (cve) merged.cve = cve;
  if (ghsa) merged.ghsa = ghsa;
  if (aliases.length > 1) merged.aliases = aliases;
  if (cvss !== void 0) merged.cvss = cvss;
  if (image) merged.image = image;
  if (reachable !== void 0) merged.reachable = reachable;
  merged.suppressed = suppressed ? true : void 0;
  return merged;
}
function unionOverlappingSecrets(ordered, unionFind) {
  const byPath = /* @__PURE__ */ new Map();
  ordered.forEach(({ finding }, index) => {
    if (finding.category !== "secret" || finding.location.startLine === void 0) return;
    const list = byPath.get(finding.location.path);
    if (list) list.push(index);
    else byPath.set(finding.location.path, [index]);
  });
  const within = (line, other) => line >= (other.location.startLine ?? 0) && line <= (other.location.endLine ?? other.location.startLine ?? 0);
  for (const indexes of byPath.values()) {
    indexes.forEach((i, position) => {
      for (let later = position + 1; later < indexes.length; later++) {
        const j = indexes[later] ?? i;
        const a = ordered[i]?.finding;
        const b = ordered[j]?.finding;
        if (i === j || !a || !b || a.tools[0] === b.tools[0]) continue;
        if (within(a.location.startLine ?? 0, b) || within(b.location.startLine ?? 0, a))
          unionFind.union(i, j);
      }
    });
  }
}
function reportOrderKey(finding) {
  return {
    severity: severityRank[finding.severity],
    notCalled: Number(finding.reachable === false),
    path: finding.location.path,
    line: finding.location.startLine ?? 0,
    ruleId: finding.ruleId,
    id: finding.id
  };
}
function compareReportOrderKeys(a, b) {
  return b.severity - a.severity || a.notCalled - b.notCalled || byCodeUnit(a.path, b.path) || a.line - b.line || byCodeUnit(a.ruleId, b.ruleId) || byCodeUnit(a.id, b.id);
}
function inReportOrder(findings) {
  return findings.map((finding) => ({ finding, key: reportOrderKey(finding) })).sort((a, b) => compareReportOrderKeys(a.key, b.key)).map(({ finding }) => finding);
}
function lineRange(finding) {
  const start = finding.location.startLine;
  if (start === void 0) return [0, Number.MAX_SAFE_INTEGER];
  return [start, Math.max(start, finding.location.endLine ?? start)];
}
function unionSameResourceChecks(ordered, unionFind, knowledge) {
  const buckets = /* @__PURE__ */ new Map();
  ordered.forEach(({ finding }, index) => {
    if (finding.category !== "iac") return;
    const tool = finding.tools[0];
    const intent = knowledge.iacIntent(tool ?? "", finding.ruleId);
    if (!intent) return;
    const key = `${finding.location.path}\0${intent}`;
    const span = { index, tool, range: lineRange(finding) };
    const bucket = buckets.get(key);
    if (bucket) bucket.push(span);
    else buckets.set(key, [span]);
  });
  for (const bucket of buckets.values()) {
    if (bucket.length < 2) continue;
    const spans = bucket.sort((x, y) => x.range[0] - y.range[0] || x.index - y.index);
    const pairs = [];
    for (const [position, first] of spans.entries()) {
      const [startA, endA] = first.range;
      for (let next = position + 1; next < spans.length; next++) {
        const second = spans[next];
        if (!second) break;
        const [startB, endB] = second.range;
        if (startB > endA) break;
        if (second.tool === first.tool) continue;
        const [a, b] = first.index < second.index ? [first.index, second.index] : [second.index, first.index];
        pairs.push({ a, b, looseness: Math.abs(startA - startB) + Math.abs(endA - endB) });
      }
    }
    pairs.sort((x, y) => x.looseness - y.looseness || x.a - y.a || x.b - y.b);
    const toolsOf = /* @__PURE__ */ new Map();
    const tools = (index) => {
      const root = unionFind.find(index);
      let known2 = toolsOf.get(root);
      if (!known2) {
        known2 = new Set(ordered[index]?.finding.tools ?? []);
        toolsOf.set(root, known2);
      }
      return known2;
    };
    for (const { a, b } of pairs) {
      if (unionFind.find(a) === unionFind.find(b)) continue;
      const toolsA = tools(a);
      const toolsB = tools(b);
      if ([...toolsB].some((tool) => toolsA.has(tool))) continue;
      unionFind.union(a, b);
      toolsOf.set(unionFind.find(a), /* @__PURE__ */ new Set([...toolsA, ...toolsB]));
    }
  }
}
function dedupe(extracted, knowledge) {
  const ordered = inMergeOrder(extracted);
  const unionFind = new UnionFind(ordered.length);
  const byKey = /* @__PURE__ */ new Map();
  ordered.forEach((item, index) => {
    for (const key of mergeKeys(item.finding)) {
      const known2 = byKey.get(key);
      if (known2 === void 0) byKey.set(key, index);
      else if (typeof known2 === "number") byKey.set(key, [known2, index]);
      else known2.push(index);
    }
  });
  for (const indexes of byKey.values()) {
    if (typeof indexes === "number") continue;
    for (const index of indexes) {
      const item = ordered[index];
      if (!item) continue;
      const partner = indexes.find((other) => {
        const candidate = ordered[other];
        return other < index && candidate !== void 0 && mayMerge(candidate.finding, item.finding);
      });
      if (partner !== void 0) unionFind.union(partner, index);
    }
  }
  unionOverlappingSecrets(ordered, unionFind);
  unionSameResourceChecks(ordered, unionFind, knowledge);
  const groups = /* @__PURE__ */ new Map();
  ordered.forEach((item, index) => {
    const root = unionFind.find(index);
    const group = groups.get(root);
    if (group) group.push(item);
    else groups.set(root, [item]);
  });
  const usedIds = /* @__PURE__ */ new Map();
  const findings = [...groups.values()].map((members) => {
    const fingerprint = fingerprintOf(members, knowledge);
    const shortId = fingerprint.slice(0, 12);
    const seen = usedIds.get(shortId) ?? 0;
    usedIds.set(shortId, seen + 1);
    const merged = members.length === 1 && members[0] ? members[0].finding : mergeFindings(members);
    merged.fingerprint = fingerprint;
    merged.id = seen === 0 ? `SF-${shortId}` : `SF-${shortId}-${seen + 1}`;
    return merged;
  });
  return {
    findings: inReportOrder(findings),
    inputResults: extracted.length,
    duplicatesMerged: extracted.length - findings.length
  };
}

// src/normalize/credentials.ts
var SHAPES = [
  // AWS access key ids (long-term and temporary).
  {
    anchors: ["AKIA", "ASIA"],
    pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g
  },
  // GitHub tokens: classic (ghp_, OAuth, user-to-server, server-to-server, refresh) and fine-grained.
  {
    anchors: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"],
    pattern: /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,251}(?![A-Za-z0-9_])/g
  },
  {
    anchors: ["github_pat_"],
    pattern: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,251}(?![A-Za-z0-9_])/g
  },
  { anchors: ["glpat-"], pattern: /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/g },
  { anchors: ["npm_"], pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/g },
  // Slack tokens (xoxb-, xoxp-, xoxa-, xoxr-, xoxs-, xoxe-) hold digits; "xoxo-gossip-girl" does not.
  {
    anchors: ["xox"],
    pattern: /(?<![A-Za-z0-9-])xox[abeprs]-(?=[A-Za-z-]*\d)[A-Za-z0-9-]{10,}/g
  },
  {
    anchors: ["k_live_"],
    pattern: /(?<![A-Za-z0-9_])[sr]k_live_[A-Za-z0-9]{16,}(?![A-Za-z0-9_])/g
  },
  { anchors: ["AIza"], pattern: /(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g },
  // JWTs: a JSON header and payload (base64url of `{"`), then a signature.
  {
    anchors: ["eyJ"],
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g
  }
];
var SLACK_WEBHOOK = /hooks\.slack\.com\\?\/(?:services|workflows|triggers)\\?\/[A-Za-z0-9_\\/-]*?([A-Za-z0-9]{20,})(?![A-Za-z0-9])/g;
var AWS_SECRET_LABELLED = /(?:aws[_-]?)?secret[_-]?(?:access[_-]?)?key\\?["']?\s*(?:=>|:=|[:=])?\s*\\?["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi;
var BASE64_40 = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
var AWS_KEY_ID = /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/;
var PAIR_DISTANCE = 200;
var PEM_BEGIN = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/g;
var PEM_END = /-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/;
var PEM_MAX = 16384;
function mixed(value) {
  return /[A-Z]/.test(value) && /[a-z]/.test(value) && /\d/.test(value);
}
function privateKeyLines(text3, into) {
  for (const begin of text3.matchAll(PEM_BEGIN)) {
    const rest = text3.slice(begin.index + begin[0].length, begin.index + PEM_MAX);
    const end = PEM_END.exec(rest);
    if (!end) continue;
    const body = rest.slice(0, end.index).replace(/\\[nr]/g, "\n");
    for (const token of secretTokens(body)) into.add(token);
  }
}
var ANY_ANCHOR = /AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|npm_|xox|k_live_|AIza|eyJ|hooks\.slack\.com|[Ss]ecret|SECRET|PRIVATE KEY/;
var has = (text3, anchors) => anchors.some((anchor) => text3.includes(anchor));
function credentialsInText(text3, into) {
  if (text3.length < 16 || !ANY_ANCHOR.test(text3)) return;
  for (const { anchors, pattern } of SHAPES)
    if (has(text3, anchors)) for (const match of text3.matchAll(pattern)) into.add(match[0]);
  if (text3.includes("hooks.slack.com")) {
    for (const match of text3.matchAll(SLACK_WEBHOOK)) if (match[1]) into.add(match[1]);
  }
  if (has(text3, ["secret", "Secret", "SECRET"])) {
    for (const match of text3.matchAll(AWS_SECRET_LABELLED))
      if (match[1] && mixed(match[1])) into.add(match[1]);
  }
  if (has(text3, ["AKIA", "ASIA"]) && AWS_KEY_ID.test(text3))
    for (const match of text3.matchAll(BASE64_40)) {
      const near = text3.slice(
        Math.max(0, match.index - PAIR_DISTANCE),
        match.index + match[0].length + PAIR_DISTANCE
      );
      if (mixed(match[0]) && AWS_KEY_ID.test(near)) into.add(match[0]);
    }
  if (text3.includes("PRIVATE KEY")) privateKeyLines(text3, into);
}
function credentialsIn(value, into) {
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === "string") credentialsInText(node, into);
    else if (Array.isArray(node)) for (const child of node) stack.push(child);
    else if (node && typeof node === "object") {
      for (const key in node)
        if (Object.hasOwn(node, key)) {
          credentialsInText(key, into);
          stack.push(node[key]);
        }
    }
  }
}

// src/normalize/reachability.ts
function keysOf(finding) {
  if (finding.category !== "vulnerability" || !finding.package) return [];
  const coordinates = `${finding.package.name.toLowerCase()}@${versionKey(finding.package.version)}`;
  const ids = new Set(
    [finding.cve, finding.ghsa, ...finding.aliases ?? [], finding.ruleId].filter(Boolean)
  );
  return [...ids].map((id) => `${coordinates}|${id}`);
}
function propagateReachability(findings) {
  const verdicts = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    if (finding.reachable === void 0) continue;
    for (const key of keysOf(finding)) verdicts.set(key, [...verdicts.get(key) ?? [], finding]);
  }
  if (verdicts.size === 0) return [...findings];
  return inReportOrder(
    findings.map((finding) => {
      if (finding.reachable !== void 0) return finding;
      const analysed = keysOf(finding).flatMap((key) => verdicts.get(key) ?? []);
      return analysed.length === 0 ? finding : { ...finding, ...reachabilityOf(analysed) };
    })
  );
}

// src/normalize/index.ts
function snippetsOf(result) {
  const texts = [];
  for (const location2 of [...result.locations ?? [], ...result.relatedLocations ?? []]) {
    const physical = location2.physicalLocation;
    for (const text3 of [physical?.region?.snippet?.text, physical?.contextRegion?.snippet?.text])
      if (typeof text3 === "string") texts.push(text3);
  }
  return texts;
}
function primarySecretValue(result) {
  const physical = result.locations?.[0]?.physicalLocation;
  return physical?.region?.snippet?.text ?? physical?.contextRegion?.snippet?.text;
}
var GIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
function redactSecretFindings(input, extracted, tokens) {
  for (const { finding } of extracted) {
    if (finding.category !== "secret") continue;
    const source = finding.sources[0];
    const run3 = source ? input.log.runs[source.runIndex] : void 0;
    const result = source ? run3?.results?.[source.resultIndex] : void 0;
    if (!run3 || !result) continue;
    const own = /* @__PURE__ */ new Set();
    for (const text3 of snippetsOf(result)) for (const token of secretTokens(text3)) own.add(token);
    const message = result.message.text ?? result.message.markdown;
    const uris = (result.locations ?? []).map(
      (location2) => location2.physicalLocation?.artifactLocation?.uri ?? ""
    );
    for (const token of secretTokens(message))
      if (!GIT_ID.test(token) && !uris.some((uri) => uri.includes(token))) own.add(token);
    for (const token of own) tokens.add(token);
    const rule2 = ruleFor(run3, result);
    const ruleText = rule2?.shortDescription?.text ?? rule2?.name;
    const quotesValue = ruleText !== void 0 && (message !== void 0 && ruleText.includes(message) || [...own].some((token) => ruleText.includes(token)));
    finding.title = (quotesValue ? void 0 : ruleText)?.split("\n").find((line) => line.trim())?.trim() ?? finding.ruleId;
    if (finding.title.length > 200) finding.title = finding.title.slice(0, 197) + "...";
    finding.message = secretHint(finding.ruleId, primarySecretValue(result));
  }
}
function normalize(inputs, root, knowledge = TOOL_KNOWLEDGE) {
  const tokens = /* @__PURE__ */ new Set();
  const extracted = inputs.flatMap((input) => {
    const found = extractFindings(input.log, {
      root,
      file: input.file,
      knowledge,
      ...input.tool ? { toolOverride: input.tool } : {}
    });
    redactSecretFindings(input, found, tokens);
    credentialsIn(input.log, tokens);
    return found;
  });
  const counts = /* @__PURE__ */ new Map();
  for (const { finding } of extracted) {
    const tool = finding.tools[0] ?? "unknown";
    counts.set(tool, (counts.get(tool) ?? 0) + 1);
  }
  const deduped = dedupe(extracted, knowledge);
  return {
    ...deduped,
    findings: propagateReachability(deduped.findings),
    resultsByTool: Object.fromEntries(counts),
    secretTokens: [...tokens].sort()
  };
}

// src/normalize/secret-source.ts
import { execFile as execFile2 } from "node:child_process";
import { lstat, readFile as readFile5 } from "node:fs/promises";
import path21 from "node:path";
import { promisify as promisify2 } from "node:util";
var MAX_SOURCE_BYTES = 2 * 1024 * 1024;
var MAX_LINES = 200;
async function readInside(root, relative) {
  if (!relative || relative === "." || path21.isAbsolute(relative) || /^[a-z]+:/i.test(relative))
    return void 0;
  const file = path21.resolve(root, relative);
  if (!file.startsWith(path21.resolve(root) + path21.sep)) return void 0;
  const stats = await lstat(file).catch(
    (error) => error.code === "ENOENT" ? "missing" : void 0
  );
  if (stats === "missing") return "missing";
  if (!stats?.isFile() || stats.size > MAX_SOURCE_BYTES) return void 0;
  return (await readFile5(file, "utf8")).split(/\r?\n/);
}
var git = promisify2(execFile2);
var PEM_BEGIN2 = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/;
var PEM_END2 = /-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/;
function privateKeyBlock(lines, index) {
  const first = lines[index];
  const begin = first === void 0 ? void 0 : PEM_BEGIN2.exec(first);
  if (!first || !begin) return void 0;
  for (let end = index; end < Math.min(lines.length, index + MAX_LINES); end++) {
    const close = PEM_END2.exec(lines[end] ?? "");
    if (!close) continue;
    const block = lines.slice(index, end + 1);
    block[block.length - 1] = (block.at(-1) ?? "").slice(0, close.index + close[0].length);
    block[0] = (block[0] ?? "").slice(begin.index);
    return block.join("\n");
  }
  return void 0;
}
async function readAtHead(root, relative) {
  if (!relative || path21.isAbsolute(relative) || relative.split(/[\\/]/).includes(".."))
    return void 0;
  const object = `HEAD:./${relative}`;
  const options = { cwd: root, encoding: "utf8", maxBuffer: MAX_SOURCE_BYTES };
  try {
    const { stdout } = await git("git", ["cat-file", "blob", object], options);
    return stdout.split(/\r?\n/);
  } catch {
    const exists = await git("git", ["cat-file", "-e", object], options).then(
      () => true,
      () => false
    );
    if (exists) return void 0;
    const head = await git(
      "git",
      ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"],
      options
    ).then(
      () => true,
      () => false
    );
    return head ? "missing" : void 0;
  }
}
async function secretsFromSource(root, findings) {
  const tokens = /* @__PURE__ */ new Set();
  const cache = /* @__PURE__ */ new Map();
  const atHead = /* @__PURE__ */ new Map();
  const cached2 = (map, file, read) => {
    let lines = map.get(file);
    if (!lines) {
      lines = read().catch(() => void 0);
      map.set(file, lines);
    }
    return lines;
  };
  for (const finding of findings)
    if (finding.category === "secret" && (finding.location.startLine ?? 0) >= 1)
      void cached2(cache, finding.location.path, () => readInside(root, finding.location.path));
  for (const finding of findings) {
    if (finding.category !== "secret") continue;
    const { path: file, startLine, endLine, startColumn } = finding.location;
    if (startLine === void 0 || startLine < 1) continue;
    const source = await cached2(cache, file, () => readInside(root, file));
    const spanOf = (lines) => lines.slice(
      startLine - 1,
      Math.min(endLine ?? startLine, startLine + MAX_LINES, lines.length)
    );
    if (finding.commit) {
      const committed = await cached2(atHead, file, () => readAtHead(root, file)) ?? source;
      if (Array.isArray(committed))
        for (const token of spanOf(committed).flatMap((line) => secretTokens(line)))
          tokens.add(token);
      if (committed === "missing" || committed !== void 0 && !spanOf(committed).some((line) => secretTokens(line).length > 0))
        finding.removedSince = true;
    }
    if (!source || source === "missing") continue;
    const span = spanOf(source);
    const found = span.flatMap((line) => secretTokens(line));
    for (const token of found) tokens.add(token);
    if (!/ chars\]$/.test(finding.message)) {
      const from = startColumn !== void 0 ? (span[0] ?? "").slice(Math.max(0, startColumn - 2)) : span[0];
      const value = privateKeyBlock(source, startLine - 1) ?? secretTokens(from)[0]?.replace(/^[^=]*=(?=[^=])/, "");
      if (value) finding.message = secretHint(finding.ruleId, value);
    }
  }
  return { tokens: [...tokens].sort() };
}

// src/outputs/redact.ts
var REGION_NUMBERS = [
  "startLine",
  "startColumn",
  "endLine",
  "endColumn",
  "charOffset",
  "charLength",
  "byteOffset",
  "byteLength"
];
function redactRegion(region, hint) {
  if (!region) return void 0;
  const kept = {};
  for (const key of REGION_NUMBERS) if (typeof region[key] === "number") kept[key] = region[key];
  if (region.snippet) kept.snippet = { text: hint };
  return kept;
}
function redactLocation(location2, hint) {
  const physical = location2.physicalLocation;
  if (!physical) return typeof location2.id === "number" ? { id: location2.id } : {};
  const region = redactRegion(physical.region, hint);
  const context = redactRegion(physical.contextRegion, hint);
  const artifact = physical.artifactLocation;
  return {
    ...typeof location2.id === "number" ? { id: location2.id } : {},
    physicalLocation: {
      ...artifact ? {
        artifactLocation: {
          ...artifact.uri !== void 0 ? { uri: artifact.uri } : {},
          ...artifact.uriBaseId !== void 0 ? { uriBaseId: artifact.uriBaseId } : {}
        }
      } : {},
      ...region ? { region } : {},
      ...context ? { contextRegion: context } : {}
    }
  };
}
function digestValues(fingerprints, keep) {
  if (!fingerprints) return void 0;
  return Object.fromEntries(
    Object.entries(fingerprints).map(([key, value]) => [
      key,
      keep.has(key) ? value : redactedDigest(String(value))
    ])
  );
}
var SAFE_PROPERTIES = /^(scanfold\/(findingId|severity|cwe)|security-severity|precision|problem\.severity)$/;
function redactSecretResult(result, knownHint) {
  const ruleId = result.ruleId ?? result.rule?.id ?? "secret";
  const hint = knownHint ?? secretHint(ruleId, primarySecretValue(result));
  const properties = Object.fromEntries(
    Object.entries(result.properties ?? {}).filter(([key]) => SAFE_PROPERTIES.test(key))
  );
  const tags = result.properties?.tags;
  if (Array.isArray(tags))
    properties.tags = tags.filter((tag) => typeof tag === "string" && tag.length <= 64);
  properties["scanfold/redacted"] = true;
  const partialFingerprints = digestValues(
    result.partialFingerprints,
    // A commit id locates the secret in history; it is not part of it.
    /* @__PURE__ */ new Set(["scanfold/v1", "primaryLocationLineHash", "commitSha"])
  );
  const fingerprints = digestValues(result.fingerprints, /* @__PURE__ */ new Set());
  const redacted = {
    message: { text: hint },
    locations: (result.locations ?? []).map((location2) => redactLocation(location2, hint)),
    properties
  };
  if (result.ruleId !== void 0) redacted.ruleId = result.ruleId;
  if (result.ruleIndex !== void 0) redacted.ruleIndex = result.ruleIndex;
  if (result.level !== void 0) redacted.level = result.level;
  if (result.kind !== void 0) redacted.kind = result.kind;
  if (result.baselineState !== void 0) redacted.baselineState = result.baselineState;
  if (result.rank !== void 0) redacted.rank = result.rank;
  if (result.guid !== void 0) redacted.guid = result.guid;
  if (result.correlationGuid !== void 0) redacted.correlationGuid = result.correlationGuid;
  if (result.relatedLocations)
    redacted.relatedLocations = result.relatedLocations.map(
      (location2) => redactLocation(location2, hint)
    );
  if (result.suppressions)
    redacted.suppressions = result.suppressions.map((suppression) => ({
      kind: suppression.kind,
      ...suppression.status ? { status: suppression.status } : {}
    }));
  if (partialFingerprints) redacted.partialFingerprints = partialFingerprints;
  if (fingerprints) redacted.fingerprints = fingerprints;
  return redacted;
}
var FORMATTED_KEY = /(?:uri|url|purl|email)$/i;
function scrubValue(value, tokens) {
  if (tokens.length === 0) return value;
  const visit = (node, key) => {
    if (typeof node === "string")
      return scrubTokens(
        node,
        tokens,
        key !== void 0 && FORMATTED_KEY.test(key) ? URI_REDACTED : void 0
      );
    if (Array.isArray(node)) {
      let copy;
      node.forEach((child, index) => {
        const scrubbed = visit(child);
        if (scrubbed !== child) (copy ??= [...node])[index] = scrubbed;
      });
      return copy ?? node;
    }
    if (node && typeof node === "object") {
      const entries = Object.entries(node);
      let changed = false;
      const scrubbed = entries.map(([key2, child]) => {
        const entry = [scrubTokens(key2, tokens), visit(child, key2)];
        if (entry[0] !== key2 || entry[1] !== child) changed = true;
        return entry;
      });
      return changed ? Object.fromEntries(scrubbed) : node;
    }
    return node;
  };
  return visit(value);
}

// src/outputs/sarif.ts
import { pathToFileURL as pathToFileURL5 } from "node:url";

// src/model/sarif-locations.ts
var SKIPPED_KEYS = /* @__PURE__ */ new Set([
  "properties",
  "message",
  "region",
  "contextRegion",
  "partialFingerprints",
  "fingerprints"
]);
var LOCATION_KEYS = /* @__PURE__ */ new Set(["artifactLocation", "analysisTarget", "location"]);
function isArtifactLocation(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) && ("uri" in value || "index" in value);
}
function mapArtifactLocations(value, rewrite) {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    let copy2;
    for (let index = 0; index < value.length; index++) {
      const item = value[index];
      const rewritten = mapArtifactLocations(item, rewrite);
      if (rewritten !== item) (copy2 ??= value.slice())[index] = rewritten;
    }
    return copy2 ?? value;
  }
  let copy;
  const record = value;
  for (const key in record) {
    if (!Object.hasOwn(record, key) || SKIPPED_KEYS.has(key)) continue;
    const child = record[key];
    if (child === null || typeof child !== "object") continue;
    const rewritten = LOCATION_KEYS.has(key) && isArtifactLocation(child) ? rewrite(child) : mapArtifactLocations(child, rewrite);
    if (rewritten !== child) (copy ??= { ...record })[key] = rewritten;
  }
  return copy ?? value;
}

// src/outputs/sarif.ts
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var SRCROOT = "%SRCROOT%";
var FindingsBySource = class {
  byFile = /* @__PURE__ */ new Map();
  constructor(inputs, findings) {
    for (const input of inputs)
      this.byFile.set(
        input.file,
        input.log.runs.map((run3) => new Array(run3.results?.length ?? 0))
      );
    for (const finding of findings)
      for (const { file, runIndex, resultIndex } of finding.sources) {
        let runs = this.byFile.get(file);
        if (!runs) this.byFile.set(file, runs = []);
        (runs[runIndex] ??= [])[resultIndex] = finding;
      }
  }
  get(file, runIndex, resultIndex) {
    return this.byFile.get(file)?.[runIndex]?.[resultIndex];
  }
};
var uriReferences = /* @__PURE__ */ new Map();
function toUriReference(path31) {
  let encoded = uriReferences.get(path31);
  if (encoded === void 0) {
    encoded = encodeURI(path31.toWellFormed()).replace(/[?#]/g, (char) => encodeURIComponent(char));
    if (uriReferences.size > 1e5) uriReferences.clear();
    uriReferences.set(path31, encoded);
  }
  return encoded;
}
function pseudoSegment(text3) {
  const segment = text3.replace(/[^A-Za-z0-9._-]+/g, "_");
  return /^\.*$/.test(segment) ? `_${segment}` : segment;
}
function rewriteArtifact(artifact, run3, root, image) {
  const target = artifactUriOf(run3, artifact);
  const { index: _index, uri: _uri, uriBaseId: _base, ...rest } = artifact;
  if (!target) return rest;
  const path31 = normalizePath(target.uri, {
    root,
    uriBaseId: target.uriBaseId,
    originalUriBaseIds: run3.originalUriBaseIds
  });
  const keep = (pseudo, original) => ({
    ...rest,
    uri: toUriReference(pseudo),
    uriBaseId: SRCROOT,
    properties: { ...rest.properties, [ORIGINAL_URI_KEY]: original }
  });
  if (image !== void 0 && (path31 === image || target.uri === image))
    return keep(`.scanfold/images/${pseudoSegment(image)}`, image);
  if (!isExternalPath(path31)) return { ...rest, uri: toUriReference(path31), uriBaseId: SRCROOT };
  if (/^file:/i.test(path31)) return { ...rest, uri: path31 };
  return keep(`.scanfold/external/${pseudoSegment(path31)}`, path31);
}
function isAbsoluteUri(value) {
  return typeof value === "string" && /^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value);
}
function cleanRule(rule2) {
  if (rule2.helpUri === void 0 || isAbsoluteUri(rule2.helpUri)) return rule2;
  const { helpUri, ...rest } = rule2;
  return rest.help ? rest : { ...rest, help: { text: String(helpUri) } };
}
function cleanMessage(result, ruleId) {
  const message = result.message;
  if (typeof message?.text === "string" || typeof message?.id === "string") return message;
  return { ...message, text: typeof message?.markdown === "string" ? message.markdown : ruleId };
}
function buildSarif(request) {
  const knowledge = request.knowledge ?? TOOL_KNOWLEDGE;
  const findingBySource = new FindingsBySource(request.inputs, request.findings);
  const tools = /* @__PURE__ */ new Map();
  for (const input of request.inputs) {
    input.log.runs.forEach((run3, runIndex) => {
      const tool = input.tool ?? toolNameOf(run3, knowledge);
      let target = tools.get(tool);
      if (!target) {
        target = {
          tool,
          driver: run3.tool.driver,
          rules: [],
          ruleIndex: /* @__PURE__ */ new Map(),
          placeholders: /* @__PURE__ */ new Set(),
          results: [],
          severities: [],
          invocations: []
        };
        tools.set(tool, target);
      }
      const into = target;
      into.invocations.push(...run3.invocations ?? []);
      for (const rule2 of run3.tool.driver.rules ?? []) {
        const existing = into.ruleIndex.get(rule2.id);
        if (existing === void 0) {
          into.ruleIndex.set(rule2.id, into.rules.length);
          into.rules.push(cleanRule(rule2));
        } else if (into.placeholders.delete(rule2.id)) {
          into.rules[existing] = cleanRule(rule2);
        }
      }
      (run3.results ?? []).forEach((result, resultIndex) => {
        const rule2 = ruleFor(run3, result);
        const ruleId = ruleIdOf(result, rule2);
        let index = into.ruleIndex.get(ruleId);
        if (index !== void 0 && rule2 && into.placeholders.delete(ruleId)) {
          into.rules[index] = cleanRule(rule2);
        } else if (index === void 0) {
          index = into.rules.length;
          into.rules.push(
            rule2 ? cleanRule(rule2) : { id: ruleId, shortDescription: { text: ruleId } }
          );
          into.ruleIndex.set(ruleId, index);
          if (!rule2) into.placeholders.add(ruleId);
        }
        const finding = findingBySource.get(input.file, runIndex, resultIndex);
        const properties = finding ? writeScanfoldProperties(result.properties, {
          findingId: finding.id,
          severity: finding.severity,
          ...finding.severitySource ? { severitySource: finding.severitySource } : {},
          cwe: finding.cwe,
          // Every tool's result of a finding carries the reachability verdict, not only govulncheck's.
          ...finding.reachable !== void 0 ? { reachable: finding.reachable } : {}
        }) : { ...result.properties };
        const { rule: _ruleReference, ...rest } = result;
        const image = finding ? finding.image?.ref : readScanfoldProperties(result.properties).image?.ref;
        const relocated = mapArtifactLocations(
          rest,
          (artifact) => rewriteArtifact(artifact, run3, request.root, image)
        );
        let merged = {
          ...relocated,
          message: cleanMessage(result, ruleId),
          ruleId,
          ruleIndex: index,
          locations: relocated.locations ?? [],
          partialFingerprints: {
            ...result.partialFingerprints,
            ...finding ? { [FINGERPRINT_KEY]: finding.fingerprint } : {}
          },
          properties
        };
        if (finding?.baseline) merged.baselineState = finding.baseline;
        if (finding?.suppression && finding.suppression.source !== "inline")
          merged.suppressions = [
            ...result.suppressions ?? [],
            {
              kind: "external",
              status: "accepted",
              justification: finding.suppression.reason,
              ...finding.suppression.expires ? { properties: { "scanfold/expires": finding.suppression.expires } } : {}
            }
          ];
        if (finding?.category === "secret") merged = redactSecretResult(merged, finding.message);
        into.results.push(merged);
        into.severities.push(finding?.severity);
      });
    });
  }
  for (const { results, rules, severities } of tools.values())
    results.forEach((result, position) => {
      const severity = severities[position];
      if (severity === void 0) return;
      const properties = result.properties ??= {};
      const score = scoreOf(properties["security-severity"]) ?? scoreOf(rules[result.ruleIndex ?? -1]?.properties?.["security-severity"]);
      if (score === void 0 || severityFromScore(score) !== severity)
        properties["security-severity"] = SCORE_FOR[severity];
    });
  const suffix = request.categorySuffix ? `/${request.categorySuffix}` : "";
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [...tools.values()].sort((a, b) => a.tool.localeCompare(b.tool)).map((toolRun) => ({
      tool: {
        driver: {
          ...toolRun.driver,
          ...isAbsoluteUri(toolRun.driver.informationUri) ? {} : { informationUri: void 0 },
          name: toolRun.driver.name || toolRun.tool,
          rules: toolRun.rules
        }
      },
      automationDetails: { id: `scanfold/${toolRun.tool}${suffix}/` },
      originalUriBaseIds: {
        [SRCROOT]: { uri: pathToFileURL5(request.root.replace(/\/?$/, "/")).href }
      },
      results: toolRun.results,
      ...toolRun.invocations.length > 0 ? { invocations: toolRun.invocations } : {},
      columnKind: "utf16CodeUnits"
    }))
  };
  return scrubValue(log, request.secretTokens ?? []);
}

// src/outputs/sarif-limits.ts
import { gzipSync } from "node:zlib";
var GITHUB_SARIF_LIMITS = {
  /** GitHub's docs say "10 MB": 10,000,000 bytes is within it whichever megabyte is meant. */
  gzipBytes: 1e7,
  runsPerFile: 20,
  resultsPerRun: 25e3,
  rulesPerRun: 25e3,
  locationsPerResult: 1e3,
  tagsPerRule: 20,
  /** All thread flows of all code flows of one result together. */
  threadFlowLocationsPerResult: 1e4
};
function severityOfResult(result) {
  const { severity } = readScanfoldProperties(result.properties);
  return severity ? severityRank[severity] : 0;
}
function toolOf(run3) {
  return run3.automationDetails?.id ?? run3.tool.driver.name;
}
function capThreadFlows(result, limit) {
  const flows = result.codeFlows;
  if (!flows) return result;
  let total = 0;
  for (const flow of flows) for (const thread of flow.threadFlows) total += thread.locations.length;
  if (total <= limit) return result;
  let left = limit;
  const codeFlows = flows.map((flow) => ({
    ...flow,
    threadFlows: flow.threadFlows.map((thread) => {
      const locations = thread.locations.slice(0, left);
      left -= locations.length;
      return { ...thread, locations };
    }).filter((thread) => thread.locations.length > 0)
  })).filter((flow) => flow.threadFlows.length > 0);
  return { ...result, codeFlows };
}
function fitRun(run3, limits, truncated) {
  let results = (run3.results ?? []).map(
    (result) => capThreadFlows(
      result.locations && result.locations.length > limits.locationsPerResult ? { ...result, locations: result.locations.slice(0, limits.locationsPerResult) } : result,
      limits.threadFlowLocationsPerResult
    )
  );
  const rules = (run3.tool.driver.rules ?? []).map((rule2) => {
    const tags = rule2.properties?.tags;
    return tags && tags.length > limits.tagsPerRule ? { ...rule2, properties: { ...rule2.properties, tags: tags.slice(0, limits.tagsPerRule) } } : rule2;
  });
  if (results.length > limits.resultsPerRun) {
    const ranked = results.map((result, index) => ({ rank: severityOfResult(result), index })).sort((a, b) => b.rank - a.rank || a.index - b.index);
    const keep = new Set(ranked.slice(0, limits.resultsPerRun).map((entry) => entry.index));
    truncated.push({
      tool: toolOf(run3),
      kept: limits.resultsPerRun,
      omitted: results.length - limits.resultsPerRun,
      reason: `GitHub accepts at most ${limits.resultsPerRun} results per run; the most severe were kept`
    });
    results = results.filter((_, index) => keep.has(index));
  }
  if (rules.length > limits.rulesPerRun) {
    return keepUsedRules(run3, rules, results);
  }
  return { ...run3, tool: { ...run3.tool, driver: { ...run3.tool.driver, rules } }, results };
}
function keepUsedRules(run3, rules, results) {
  const byId = new Map(rules.map((rule2, index) => [rule2.id, index]));
  const used = [];
  const newIndex = /* @__PURE__ */ new Map();
  const reindexed = results.map((result) => {
    const old = result.ruleIndex ?? (result.ruleId !== void 0 ? byId.get(result.ruleId) : void 0);
    const rule2 = old === void 0 ? void 0 : rules[old];
    if (old === void 0 || !rule2) {
      const { ruleIndex: _dropped, ...rest } = result;
      return rest;
    }
    let index = newIndex.get(old);
    if (index === void 0) {
      index = used.length;
      used.push(rule2);
      newIndex.set(old, index);
    }
    return { ...result, ruleIndex: index };
  });
  return {
    ...run3,
    tool: { ...run3.tool, driver: { ...run3.tool.driver, rules: used } },
    results: reindexed
  };
}
function runSize(merged, run3, limit) {
  const json = JSON.stringify({ ...merged, runs: [run3] });
  const bytes = Buffer.byteLength(json);
  if (bytes < limit - 1024) return bytes;
  const fast = gzipSync(json, { level: 1 }).length;
  if (fast < limit * 0.95) return fast;
  return gzipSync(json).length;
}
function shrinkRun(merged, run3, limits, truncated, size) {
  let fitted = run3;
  let keep = run3.results?.length ?? 0;
  while (keep > 1 && size(merged, fitted, limits.gzipBytes) > limits.gzipBytes) {
    keep = Math.floor(keep / 2);
    fitted = fitRun(run3, { ...limits, resultsPerRun: keep }, []);
  }
  truncated.push({
    tool: toolOf(run3),
    kept: fitted.results?.length ?? 0,
    omitted: (run3.results?.length ?? 0) - (fitted.results?.length ?? 0),
    reason: `the ${toolOf(run3)} run alone exceeds ${limits.gzipBytes} bytes gzipped; the most severe results were kept`
  });
  return fitted;
}
function fitToLimits(merged, limits = { ...GITHUB_SARIF_LIMITS }, written, size = runSize) {
  const truncated = [];
  const runs = merged.runs.map((original, index) => {
    const run3 = fitRun(original, limits, truncated);
    if (surelyUnder(written?.[index], limits.gzipBytes)) return run3;
    return size(merged, run3, limits.gzipBytes) > limits.gzipBytes ? shrinkRun(merged, run3, limits, truncated, size) : run3;
  });
  return { runs, truncated };
}
function surelyUnder(estimate, limit) {
  if (!estimate) return false;
  return estimate.bytes < limit - 1024 || estimate.deflatedBytes < limit * 0.9;
}

// src/outputs/pdf.ts
import { spawn as spawn2 } from "node:child_process";
import { createWriteStream, existsSync as existsSync11 } from "node:fs";
import { mkdtemp as mkdtemp2, rm as rm2, stat, writeFile as writeFile4 } from "node:fs/promises";
import os4 from "node:os";
import path22 from "node:path";
import { pathToFileURL as pathToFileURL6 } from "node:url";
var CANDIDATES = [
  "/usr/bin/chromium-headless-shell",
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/opt/google/chrome/chrome"
];
function findChromium(env = process.env) {
  const explicit = env.SCANFOLD_CHROMIUM;
  if (explicit !== void 0) return explicit && existsSync11(explicit) ? explicit : void 0;
  return CANDIDATES.find((candidate) => existsSync11(candidate));
}
var CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-extensions"
];
var WARM_UP_PAGE = `<!doctype html><meta charset="utf-8"><style>
body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}</style>
<h1>Warm-up</h1><p><b>bold</b> <i>italic</i> <code>code</code> \u2013 \u201Cquotes\u201D \u2713 \u2717</p>
<svg width="40" height="20"><rect width="40" height="20" fill="#d1242f"/><text x="2" y="14">1</text></svg>`;
var DevToolsPipe = class {
  nextId = 1;
  buffered = "";
  pending = /* @__PURE__ */ new Map();
  waiters = [];
  failure;
  toBrowser;
  constructor(toBrowser, fromBrowser) {
    this.toBrowser = toBrowser;
    fromBrowser.setEncoding("utf8");
    fromBrowser.on("data", (chunk) => this.receive(chunk));
    fromBrowser.on("error", (error) => this.fail(error));
    toBrowser.on("error", (error) => this.fail(error));
  }
  send(method, params = {}, sessionId) {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.toBrowser.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  }
  /** Resolves on the next `method` event of the session. */
  event(method, sessionId) {
    return new Promise((resolve) => this.waiters.push({ method, sessionId, resolve }));
  }
  fail(error) {
    this.failure ??= error;
    for (const { reject } of this.pending.values()) reject(this.failure);
    this.pending.clear();
  }
  receive(chunk) {
    const parts = (this.buffered + chunk).split("\0");
    this.buffered = parts.pop() ?? "";
    for (const part of parts) {
      let message;
      try {
        message = JSON.parse(part);
      } catch {
        continue;
      }
      if (message.id !== void 0) {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiting?.reject(new Error(message.error.message ?? "DevTools error"));
        else waiting?.resolve(message.result ?? {});
      } else if (message.method) {
        const index = this.waiters.findIndex(
          (w) => w.method === message.method && w.sessionId === message.sessionId
        );
        if (index >= 0) this.waiters.splice(index, 1)[0]?.resolve();
      }
    }
  }
};
async function atMost(promise, ms) {
  let timer;
  try {
    await Promise.race([
      promise,
      new Promise((resolve) => {
        timer = setTimeout(resolve, ms);
        timer.unref();
      })
    ]);
  } finally {
    clearTimeout(timer);
  }
}
async function temporaryPage(html) {
  const dir = await mkdtemp2(path22.join(os4.tmpdir(), "scanfold-page-"));
  const remove = () => rm2(dir, { recursive: true, force: true });
  const page = path22.join(dir, "page.html");
  try {
    await writeFile4(page, html, { flag: "wx" });
  } catch (error) {
    await remove();
    throw error;
  }
  return { page, dir, remove };
}
async function withTemporaryPage(html, use) {
  const { page, dir, remove } = await temporaryPage(html);
  try {
    return await use(page, dir);
  } finally {
    await remove();
  }
}
function unavailable(note) {
  return {
    print: () => Promise.resolve({ ok: false, note }),
    open: () => ({
      print: () => Promise.resolve({ ok: false, note }),
      discard: () => Promise.resolve()
    }),
    close: () => Promise.resolve(),
    warm: () => void 0,
    browserPid: () => Promise.resolve(void 0)
  };
}
function createPdfPrinter(options = {}) {
  const chromium = findChromium(options.env);
  if (!chromium)
    return unavailable(
      "report.pdf skipped: no Chromium or Chrome found (set SCANFOLD_CHROMIUM to its path)"
    );
  const name = path22.basename(chromium);
  let profile;
  let stderr = "";
  let exited;
  let untrack = () => void 0;
  let pid;
  let gone = Promise.resolve();
  let pipe;
  const launch = () => {
    if (pipe) return pipe;
    profile = mkdtemp2(path22.join(os4.tmpdir(), "scanfold-chromium-"));
    pipe = profile.then((dir) => {
      const child = spawn2(
        chromium,
        [...CHROMIUM_FLAGS, `--user-data-dir=${dir}`, "--remote-debugging-pipe", "about:blank"],
        { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"], detached: true }
      );
      pid = child.pid;
      gone = new Promise((resolve) => child.once("close", () => resolve()));
      if (pid) untrack = trackProcessGroup(pid);
      const devtools = new DevToolsPipe(child.stdio[3], child.stdio[4]);
      child.stderr?.on("data", (chunk) => {
        stderr = (stderr + chunk.toString()).slice(-2e3);
      });
      child.on("error", (error) => {
        exited = error.message;
        devtools.fail(error);
      });
      child.on("exit", (code2, signal) => {
        exited = `exited ${code2 ?? signal ?? "on a signal"}`;
        untrack();
        devtools.fail(new Error(exited));
      });
      return devtools;
    });
    pipe.catch(() => void 0);
    return pipe;
  };
  const onExit = () => {
    if (pid) killTree(pid, "SIGKILL");
  };
  process.once("exit", onExit);
  const noteFor = (error) => {
    const last = stderr.trim().split("\n").pop() ?? "";
    const reason = exited ?? (error instanceof Error ? error.message : String(error));
    return `report.pdf skipped: ${name} ${reason}${last ? ` (${last.slice(0, 200)})` : ""}`;
  };
  async function openTab(devtools) {
    const { targetId } = await devtools.send("Target.createTarget", { url: "about:blank" });
    const { sessionId } = await devtools.send("Target.attachToTarget", {
      targetId,
      flatten: true
    });
    if (typeof targetId !== "string" || typeof sessionId !== "string")
      throw new Error("no DevTools session");
    await devtools.send("Page.enable", {}, sessionId);
    await devtools.send("Emulation.setEmulatedMedia", { media: "print" }, sessionId);
    return { targetId, sessionId };
  }
  let spareTab;
  let warmStarted = false;
  async function load(devtools, htmlFile) {
    const spare = await spareTab;
    spareTab = void 0;
    const tab = spare ?? await openTab(devtools);
    try {
      await navigate(devtools, tab, htmlFile);
    } catch (error) {
      await closeTab(devtools, tab);
      throw error;
    }
    return tab;
  }
  async function closeTab(devtools, tab) {
    await devtools.send("Target.closeTarget", { targetId: tab.targetId }).catch(() => void 0);
  }
  async function navigate(devtools, { sessionId }, htmlFile) {
    const loaded = devtools.event("Page.loadEventFired", sessionId);
    await devtools.send("Page.navigate", { url: pathToFileURL6(htmlFile).href }, sessionId);
    await loaded;
  }
  async function fill(devtools, { sessionId }, fills) {
    if (fills.length === 0) return;
    const { result } = await devtools.send(
      "Runtime.evaluate",
      {
        // The fills travel as a JSON literal: data, never code.
        expression: `((pairs) => {
          const missing = pairs.filter((pair) => !document.getElementById(pair.id));
          if (missing.length > 0) return missing.map((pair) => pair.id).join(', ');
          for (const pair of pairs) document.getElementById(pair.id).outerHTML = pair.html;
          return '';
        })(${JSON.stringify(fills)})`,
        returnByValue: true
      },
      sessionId
    );
    const missing = result?.value;
    if (missing !== "") throw new Error(`the page has no slot ${String(missing)}`);
  }
  async function printIn(devtools, { sessionId }, pdfFile) {
    const { stream } = await devtools.send(
      "Page.printToPDF",
      {
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: false,
        transferMode: "ReturnAsStream"
      },
      sessionId
    );
    if (typeof stream !== "string") throw new Error("no PDF stream");
    const out = createWriteStream(pdfFile, { flags: "wx" });
    try {
      for (; ; ) {
        const chunk = await devtools.send("IO.read", { handle: stream, size: 4 << 20 }, sessionId);
        if (typeof chunk.data === "string" && chunk.data)
          out.write(Buffer.from(chunk.data, chunk.base64Encoded === true ? "base64" : "utf8"));
        if (chunk.eof === true) break;
      }
    } finally {
      await new Promise(
        (resolve, reject) => out.end((error) => error ? reject(error) : resolve())
      );
    }
    await devtools.send("IO.close", { handle: stream }, sessionId);
  }
  async function bounded(pdfFile, work) {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${(options.timeoutMs ?? 6e4) / 1e3} s`)),
        options.timeoutMs ?? 6e4
      );
    });
    try {
      await Promise.race([work(), timeout]);
      const size = await stat(pdfFile).then(
        (info) => info.size,
        () => 0
      );
      return size > 0 ? { ok: true, file: pdfFile } : { ok: false, note: noteFor("wrote an empty PDF") };
    } catch (error) {
      await rm2(pdfFile, { force: true });
      await atMost(gone, 1e3);
      return { ok: false, note: noteFor(error) };
    } finally {
      clearTimeout(timer);
    }
  }
  function open2(htmlFile) {
    const loading = launch().then(async (devtools) => ({
      devtools,
      tab: await load(devtools, htmlFile)
    }));
    loading.catch(() => void 0);
    let used = false;
    return {
      print(pdfFile, fills = []) {
        used = true;
        return bounded(pdfFile, async () => {
          const { devtools, tab } = await loading;
          try {
            await fill(devtools, tab, fills);
            await printIn(devtools, tab, pdfFile);
          } finally {
            await closeTab(devtools, tab);
          }
        });
      },
      async discard() {
        if (used) return;
        used = true;
        const loaded = await loading.catch(() => void 0);
        if (loaded) await closeTab(loaded.devtools, loaded.tab);
      }
    };
  }
  return {
    print: (htmlFile, pdfFile) => open2(htmlFile).print(pdfFile),
    open: open2,
    warm() {
      if (warmStarted) return;
      warmStarted = true;
      spareTab = launch().then(async (devtools) => {
        const tab = await openTab(devtools);
        await withTemporaryPage(WARM_UP_PAGE, async (page, dir) => {
          await navigate(devtools, tab, page);
          await printIn(devtools, tab, path22.join(dir, "warm.pdf"));
        });
        return tab;
      }).catch(() => void 0);
    },
    async browserPid() {
      await launch().catch(() => void 0);
      return pid;
    },
    async close() {
      process.removeListener("exit", onExit);
      if (!pipe) return;
      await pipe.catch(() => void 0);
      if (pid) killTree(pid, "SIGKILL");
      await atMost(gone, 2e3);
      untrack();
      if (profile) await rm2(await profile, { recursive: true, force: true });
    }
  };
}

// src/outputs/write.ts
import { createHash as createHash5 } from "node:crypto";
import { lstat as lstat2, mkdir as mkdir2, readFile as readFile6, rm as rm3, stat as stat2, writeFile as writeFile6 } from "node:fs/promises";
import path23 from "node:path";

// src/outputs/html.ts
import { createHash as createHash3 } from "node:crypto";

// src/outputs/escape.ts
var MAX_CELL = 160;
var INVISIBLE = (
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g
);
function codePoint(char) {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}
function neutralize(text3) {
  return text3.replace(INVISIBLE, (char) => `<${codePoint(char)}>`);
}
function safeLogLine(text3) {
  const line = neutralize(text3.replace(/\r\n|\r|\n/g, "\\n").replace(/\t/g, " "));
  return line.replace(/^(\s*):(:)/, "$1:\u200B$2");
}
function truncate(text3, max = MAX_CELL) {
  return text3.length > max ? `${text3.slice(0, max - 1)}\u2026` : text3;
}
function visible(text3, max = MAX_CELL) {
  return truncate(neutralize(text3).toWellFormed(), max).toWellFormed();
}
function escapeHtml(text3) {
  return neutralize(text3).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
var MARKDOWN_SPECIAL = /[&<>"'\\`*_{}[\]()#+!|~^$@:]/g;
var ZERO_WIDTH_SPACE = "&#8203;";
function entityFor(char) {
  const entity = `&#${char.charCodeAt(0)};`;
  return char === "@" || char === "#" ? entity + ZERO_WIDTH_SPACE : entity;
}
function escapeMarkdown(text3, max = MAX_CELL) {
  return visible(text3.replace(/[\r\n\t]+/g, " ").trim(), max).replace(MARKDOWN_SPECIAL, entityFor).replace(/\b(www)\./gi, "$1&#46;");
}

// src/outputs/labels.ts
function controlLabel(key) {
  const [framework = "", control = ""] = key.split(/:(.*)/s);
  const owasp = /^owasp-top10-(\d{4})$/.exec(framework);
  if (owasp) return `OWASP ${control}:${owasp[1]}`;
  if (/^cwe-top25-\d{4}$/.test(framework)) return `CWE Top 25 ${control}`;
  const cis = /^([a-z0-9]+)-cis-/.exec(framework);
  if (cis) {
    const platform = cis[1] === "k8s" ? "Kubernetes" : cis[1] === "aws" ? "AWS" : cis[1] === "eks" ? "EKS" : (cis[1] ?? "").replace(/^./, (c) => c.toUpperCase());
    return `CIS ${platform} ${control}`;
  }
  return `${framework.toUpperCase()} ${control}`;
}

// src/outputs/markdown.ts
var GITHUB_COMMENT_LIMIT = 65536;
var ICON = {
  critical: "\u{1F7E5}",
  high: "\u{1F7E7}",
  medium: "\u{1F7E8}",
  low: "\u{1F7E6}",
  info: "\u2B1C"
};
var MAX_HREF = 2048;
function historyNote(finding) {
  if (!finding.commit) return "";
  return ` in commit ${finding.commit.slice(0, 7)}${finding.removedSince ? " (removed since)" : ""}`;
}
function locationCell(finding, links) {
  if (finding.image) {
    const layer = finding.image.layer;
    const where = layer?.createdBy ?? layer?.diffId?.slice(0, 19) ?? finding.image.ref;
    return escapeMarkdown(layer ? `layer: ${where}` : where, 120);
  }
  const line = finding.location.startLine;
  const more = (finding.locations?.length ?? 1) - 1;
  const label = escapeMarkdown(
    `${finding.location.path}${line ? `:${line}` : ""}${historyNote(finding)}`,
    140
  ) + (more > 0 ? ` (+${more} more)` : "");
  if (!links?.blobBase || finding.location.path === "." || /^[a-z]+:/i.test(finding.location.path))
    return label;
  const base = finding.commit ? links.blobBase.replace(/\/blob\/[^/]+$/, `/blob/${finding.commit}`) : links.blobBase;
  const href = `${base}/${finding.location.path.split("/").map(encodeURIComponent).join("/")}${line ? `#L${line}` : ""}`;
  if (href.length > MAX_HREF) return label;
  return `<a href="${href.replace(/"/g, "%22")}">${label}</a>`;
}
function code(text3, max) {
  return `<code>${escapeMarkdown(text3, max)}</code>`;
}
function suppressionNote(finding) {
  if (!finding.suppressed) return "";
  if (finding.suppression?.source === "config")
    return ` (suppressed: ${finding.suppression.reason}${finding.suppression.expires ? `, until ${finding.suppression.expires}` : ""})`;
  return " (suppressed in source)";
}
function findingRow(finding, links) {
  const what = `${finding.category === "secret" ? `${finding.title} (value redacted)` : finding.title}${suppressionNote(finding)}`;
  const pkg = finding.package ? ` \u2014 ${escapeMarkdown(`${finding.package.name}@${finding.package.version ?? "?"}`, 60)}${finding.package.fixedVersion ? ` \u2192 ${escapeMarkdown(finding.package.fixedVersion, 40)}` : ""}` : "";
  const reach = finding.reachable === void 0 ? "" : finding.reachable ? " \u2014 <b>reachable</b>: the vulnerable code is called" : " \u2014 not reachable: imported, never called";
  return `| ${ICON[finding.severity]} ${finding.severity} | ${code(finding.ruleId, 80)} ${escapeMarkdown(what, 100)}${pkg}${reach} | ${locationCell(finding, links)} | ${finding.tools.map((tool) => code(tool, 20)).join(" ")} |`;
}
function tableRow(cells) {
  return `| ${cells.join(" | ")} |`;
}
function severityTable(report) {
  const tools = Object.keys(report.summary.byTool).sort();
  const lines = [
    tableRow(["severity", "total", ...tools.map((tool) => escapeMarkdown(tool, 20))]),
    tableRow(["---", "---:", ...tools.map(() => "---:")])
  ];
  for (const severity of SEVERITIES) {
    const row = report.findings.filter((finding) => finding.severity === severity);
    const perTool = tools.map(
      (tool) => row.filter((finding) => finding.tools.includes(tool)).length
    );
    lines.push(
      tableRow([`${ICON[severity]} ${severity}`, String(row.length), ...perTool.map(String)])
    );
  }
  return lines;
}
function scannerTable(report) {
  const lines = [
    "| scanner | status | version | duration | results | note |",
    "|---|---|---|---:|---:|---|"
  ];
  for (const scanner of report.scanners) {
    const badge = scanner.status === "ok" ? "\u2705 ok" : scanner.status === "skipped" ? "\u23ED\uFE0F skipped" : `\u274C ${scanner.status}`;
    const note = [scanner.message, ...scanner.notes ?? []].filter(Boolean).join("; ");
    lines.push(
      `| ${escapeMarkdown(scanner.name, 40)} | ${badge} | ${escapeMarkdown(scanner.version ?? "\u2014", 30)} | ${(scanner.durationMs / 1e3).toFixed(1)} s | ${scanner.findings} | ${escapeMarkdown(note, 200)} |`
    );
  }
  return lines;
}
function isFailed(scanner) {
  return scanner.status === "failed" || scanner.status === "timed-out";
}
function failedScannerEffect(scanner) {
  const what = scanner.findings > 0 ? `the ${scanner.findings} result(s) it reported are included, but may be incomplete` : "it reported no results, so what it covers is missing from this report";
  return `${what}; a code-scanning upload leaves it out (a partial run would close its open alerts)`;
}
var MAX_ERRORS_LISTED = 10;
var ERRORS_BUDGET = 6e3;
function errorLines(report) {
  if (report.errors.length === 0) return [];
  const lines = [
    "",
    "> [!WARNING]",
    `> **${report.errors.length} error(s): inputs or outputs are missing or incomplete, so this is not a clean result.**`
  ];
  let used = 0;
  let listed = 0;
  for (const error of report.errors) {
    const line = `> - ${escapeMarkdown(error, 300)}`;
    if (listed >= MAX_ERRORS_LISTED || used + line.length > ERRORS_BUDGET) break;
    lines.push(line);
    used += line.length;
    listed++;
  }
  if (listed < report.errors.length)
    lines.push(`> - \u2026and ${report.errors.length - listed} more in report.json.`);
  return lines;
}
function verdict(report) {
  const failed = report.scanners.filter(isFailed).length;
  const problems = [
    ...report.errors.length ? [`${report.errors.length} error(s)`] : [],
    ...failed ? [`${failed} scanner(s) failed`] : []
  ].join(", ");
  if (report.gate.result === "failed")
    return `\u274C **Scanfold: gate failed${problems ? ` (incomplete: ${problems})` : ""}**`;
  if (problems) return `\u26A0\uFE0F **Scanfold: incomplete \u2014 ${problems}**`;
  return "\u2705 **Scanfold: gate passed**";
}
function headline(report, options) {
  const lines = [
    `${verdict(report)} \u2014 ${report.summary.total} finding(s); ${escapeMarkdown(report.gate.reason, 300)}`,
    ...errorLines(report)
  ];
  if (options.delta)
    lines.push(
      "",
      `**Since the last push:** ${options.delta.new} new, ${options.delta.fixed} fixed, ${options.delta.open} still open.`
    );
  const failed = report.scanners.filter(isFailed);
  if (failed.length > 0) {
    lines.push(
      "",
      `> [!WARNING]`,
      ...failed.map(
        (s) => `> - ${escapeMarkdown(s.name, 40)} ${s.status}: ${failedScannerEffect(s)}.`
      )
    );
  }
  lines.push(...baselineLines(report), ...complianceLine(report), ...suppressionWarnings(report));
  for (const notice of options.notices ?? []) lines.push("", `> ${escapeMarkdown(notice, 500)}`);
  return lines;
}
function baselineLines(report) {
  if (!report.baseline) return [];
  const lines = [
    "",
    `**Against the baseline:** ${report.summary.new ?? 0} new, ${report.summary.fixed ?? 0} fixed, ${report.summary.unchanged ?? 0} unchanged (gate counts ${report.gate.scope === "all" ? "all findings" : "new findings only"}).`
  ];
  if (!report.baseline.comparable)
    lines.push(
      "",
      `> [!NOTE]`,
      `> The baseline is not fully comparable: ${escapeMarkdown(report.baseline.reason ?? "", 300)}.`
    );
  if (report.baseline.notRechecked > 0)
    lines.push(
      "",
      `> ${report.baseline.notRechecked} baseline finding(s) belong to scanners that did not complete; they are neither fixed nor open.`
    );
  return lines;
}
var COMMENT_FRAMEWORKS = /^(owasp-top10-2021|[a-z0-9]+-cis-.+)$/;
function complianceStatus(report, max = 6) {
  const frameworks = (report.compliance?.frameworks ?? []).filter(
    (f) => COMMENT_FRAMEWORKS.test(f.id)
  );
  const isNew = new Set(
    report.findings.filter((f) => f.baseline === "new" && !f.suppressed).map((f) => f.id)
  );
  const parts = [];
  let more = 0;
  for (const framework of frameworks) {
    for (const control of framework.controls) {
      if (control.status !== "fail") continue;
      const label = `${controlLabel(`${framework.id}:${control.id}`)}${framework.id.startsWith("owasp") ? ` ${control.title}` : ""}`;
      const count = control.findings.filter((id) => isNew.has(id)).length;
      if (report.baseline && count === 0) continue;
      const text3 = report.baseline ? `${label}: ${count} new` : `${label}: fail`;
      if (parts.length < max) parts.push(text3);
      else more++;
    }
  }
  if (parts.length === 0) return void 0;
  return parts.join("; ") + (more ? `; ${more} more` : "");
}
function complianceLine(report) {
  if (!report.compliance) return [];
  const status = complianceStatus(report);
  const label = report.baseline ? "new findings under" : "failing";
  return status ? ["", `**Compliance (${label}):** ${escapeMarkdown(status, 600)}`] : [
    "",
    `**Compliance:** no ${report.baseline ? "new findings under a" : "failing"} mapped control.`
  ];
}
function suppressionWarnings(report) {
  const expired = report.suppressions?.expired ?? [];
  const unused = report.suppressions?.unused ?? [];
  const lines = [];
  for (const { suppression, findings } of expired.slice(0, 10))
    lines.push(
      "",
      `> [!WARNING]`,
      `> Suppression #${suppression.index + 1} (${escapeMarkdown(suppression.reason, 160)}) expired on ${escapeMarkdown(suppression.expires ?? "?", 12)}: ${findings.length} finding(s) it matched count again.`
    );
  if (unused.length > 0)
    lines.push(
      "",
      `> ${unused.length} suppression(s) matched nothing this run: ${unused.slice(0, 10).map(({ suppression }) => `#${suppression.index + 1}`).join(", ")}.`
    );
  return lines;
}
function fixedSection(report, max) {
  const fixed = report.fixed ?? [];
  if (fixed.length === 0) return [];
  const shown = fixed.slice(0, max);
  return [
    "",
    `<details><summary><b>fixed</b> (${fixed.length})</summary>`,
    "",
    "| severity | rule | location | tools |",
    "|---|---|---|---|",
    ...shown.map(
      (f) => `| ${ICON[f.severity]} ${f.severity} | ${code(f.ruleId, 80)} ${escapeMarkdown(f.title ?? "", 100)} | ${escapeMarkdown(`${f.location.path}${f.location.startLine ? `:${f.location.startLine}` : ""}`, 120)} | ${f.tools.map((tool) => code(tool, 20)).join(" ")} |`
    ),
    ...fixed.length > shown.length ? ["", `\u2026and ${fixed.length - shown.length} more.`] : [],
    "",
    "</details>"
  ];
}
function footer(report, links) {
  const parts = [
    links?.codeScanningUrl ? `[code scanning alerts](${links.codeScanningUrl})` : void 0,
    links?.runUrl ? `[workflow run](${links.runUrl})` : void 0,
    links?.artifactUrl ? `[compliance report](${links.artifactUrl})` : void 0
  ].filter(Boolean);
  const truncated = report.truncated.map(
    (t) => `${t.tool}: ${t.omitted} result(s) left out of the upload (${t.reason})`
  );
  return [
    ...truncated.length ? ["", `\u26A0\uFE0F ${escapeMarkdown(truncated.join("; "), 1e3)}`] : [],
    ...parts.length ? ["", parts.join(" \xB7 ")] : [],
    "",
    `<sub>scanfold ${report.tool.version} \xB7 ${report.summary.duplicatesMerged} duplicate(s) merged from ${report.summary.inputResults} scanner result(s)</sub>`
  ];
}
function section(title, findings, options) {
  const shown = findings.slice(0, options.limit);
  const omitted = findings.length - shown.length;
  const lines = [
    "",
    `<details${options.open ? " open" : ""}><summary>${title} (${findings.length})</summary>`,
    "",
    "| severity | rule | location | tools |",
    "|---|---|---|---|",
    ...shown.map((finding) => findingRow(finding, options.links)),
    ...omitted > 0 ? ["", `\u2026and ${omitted} more ${options.noun} finding(s) in the full report.`] : [],
    "",
    "</details>"
  ];
  return { lines, omitted };
}
function findingSections(report, links, perCategory) {
  const lines = [];
  let omitted = 0;
  const listed = report.findings.filter(
    (finding) => finding.suppression?.source !== "policy" && (!report.baseline || finding.baseline === "new")
  );
  if (report.baseline)
    lines.push("", listed.length ? `### New findings (${listed.length})` : "### No new findings");
  const source = listed.filter((finding) => !finding.image);
  const first = source[0]?.category;
  for (const category of CATEGORIES) {
    const findings = source.filter((finding) => finding.category === category);
    if (findings.length === 0) continue;
    const part = section(`<b>${category}</b>`, findings, {
      open: category === first,
      links,
      limit: perCategory,
      noun: category
    });
    lines.push(...part.lines);
    omitted += part.omitted;
  }
  const byImage = /* @__PURE__ */ new Map();
  for (const finding of listed) {
    if (!finding.image) continue;
    const list = byImage.get(finding.image.ref);
    if (list) list.push(finding);
    else byImage.set(finding.image.ref, [finding]);
  }
  for (const [ref, findings] of byImage) {
    const part = section(`<b>image</b> ${code(ref, 120)}`, findings, {
      open: source.length === 0,
      links,
      limit: perCategory,
      noun: "image"
    });
    lines.push(...part.lines);
    omitted += part.omitted;
  }
  const accepted = report.findings.filter((f) => f.suppression?.source === "policy").length;
  if (accepted > 0)
    lines.push(
      "",
      `_${accepted} licence result(s) the licence policy allows are not listed (they are in the report)._`
    );
  if (report.baseline) {
    lines.push(...fixedSection(report, perCategory));
    const unchanged = report.summary.unchanged ?? 0;
    if (unchanged > 0)
      lines.push(
        "",
        `_${unchanged} unchanged finding(s) already in the baseline are not listed; the full report has them._`
      );
  }
  return { lines, omitted };
}
function renderMarkdown(report, options = {}) {
  const max = options.maxLength ?? GITHUB_COMMENT_LIMIT;
  const top = [
    ...options.header ? [options.header] : [],
    ...headline(report, options),
    "",
    ...severityTable(report)
  ];
  const bottom = [
    "",
    "<details><summary>Scanners</summary>",
    "",
    ...scannerTable(report),
    "",
    "</details>",
    ...footer(report, options.links)
  ];
  for (const perCategory of [50, 20, 10, 5, 1]) {
    const { lines, omitted } = findingSections(report, options.links, perCategory);
    const note = omitted > 0 ? ["", `_${omitted} finding(s) not listed here; see report.json._`] : [];
    const text3 = [...top, ...lines, ...note, ...bottom].join("\n") + "\n";
    if (text3.length <= max) return text3;
  }
  const summaryOnly = [
    ...top,
    "",
    `_All ${report.summary.total} findings omitted to fit the size limit; see report.json._`,
    ...bottom
  ].join("\n") + "\n";
  if (summaryOnly.length <= max) return summaryOnly;
  const minimal = [...top, "", `_Details omitted to fit the size limit; see report.json._`].join("\n") + "\n";
  return minimal.length <= max ? minimal : minimal.slice(0, max - 1) + "\n";
}

// src/outputs/html.ts
var HTML_ROW_LIMIT = 5e3;
var PRINT_ROW_LIMIT = 200;
var SCRIPT = `(() => {
  const rows = Array.from(document.querySelectorAll('#findings tbody tr'));
  const field = (id) => document.getElementById(id);
  const filters = { sev: field('f-sev'), tool: field('f-tool'), cat: field('f-cat'), base: field('f-base'), text: field('f-text') };
  const count = field('f-count');
  const apply = () => {
    const text = filters.text.value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      const d = row.dataset;
      const ok = (!filters.sev.value || d.sev === filters.sev.value)
        && (!filters.tool.value || d.tools.split(' ').includes(filters.tool.value))
        && (!filters.cat.value || d.cat === filters.cat.value)
        && (!filters.base.value || d.base === filters.base.value)
        && (!text || row.textContent.toLowerCase().includes(text));
      row.hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = shown + ' of ' + rows.length + ' shown';
  };
  for (const element of Object.values(filters)) {
    element.addEventListener('input', apply);
    element.addEventListener('change', apply);
  }
  apply();
})();`;
var STYLE = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--accent:#0969da;
--critical:#a40e26;--high:#d1242f;--medium:#bf8700;--low:#0969da;--info:#818b98;
--pass:#1a7f37;--fail:#cf222e;--na:#818b98}
*{box-sizing:border-box}
body{font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;color:var(--fg);margin:0;background:#fff}
main{max-width:1200px;margin:0 auto;padding:24px 32px 48px}
header.top{border-bottom:1px solid var(--line);padding-bottom:16px;margin-bottom:8px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:15px;margin:20px 0 6px}
.meta{color:var(--muted);margin:0;display:flex;flex-wrap:wrap;gap:4px 20px}
.meta b{color:var(--fg);font-weight:600}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);padding:1px 4px;border-radius:4px;word-break:break-all}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:16px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 14px}
.card .n{font-size:26px;font-weight:600;line-height:1.2}.card .l{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.card.gate-failed{border-color:var(--fail);background:#ffebe9}.card.gate-passed{border-color:var(--pass);background:#dafbe1}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:16px}
.chart{border:1px solid var(--line);border-radius:8px;padding:10px 14px}
.chart h3{margin:0 0 6px}
svg text{font:12px -apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;fill:var(--fg)}
svg .muted{fill:var(--muted)}
.legend{display:flex;flex-wrap:wrap;gap:4px 12px;color:var(--muted);font-size:12px;margin-top:4px}
.dot{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:-1px}
table{border-collapse:collapse;width:100%;margin:8px 0}
#findings,table.controls{table-layout:fixed}.c-id{width:80px}.c-title{width:34%}.c-status{width:110px}
td.status{white-space:nowrap}
table.glance{table-layout:fixed}.g-name{width:30%}.g-n{width:90px}.c-sev{width:96px}.c-loc{width:30%}.c-cat{width:96px}.c-tools{width:120px}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600;font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.sev{display:inline-block;min-width:62px;text-align:center;border-radius:12px;padding:0 8px;font-size:12px;font-weight:600;color:#fff}
.sev.critical,.dot.critical{background:var(--critical)}.sev.high,.dot.high{background:var(--high)}
.sev.medium,.dot.medium{background:var(--medium)}.sev.low,.dot.low{background:var(--low)}.sev.info,.dot.info{background:var(--info)}
.badge{display:inline-block;border:1px solid var(--line);border-radius:12px;padding:0 7px;font-size:11px;color:var(--muted);margin:1px 2px 1px 0;white-space:nowrap}
.badge.new{border-color:var(--fail);color:var(--fail);font-weight:600}.badge.supp{border-color:var(--medium);color:#7d4e00}
.status{font-weight:600}.status.pass{color:var(--pass)}.status.fail{color:var(--fail)}.status.not-assessed{color:var(--na);font-weight:400}
.small{font-size:12px;color:var(--muted)}
.title{font-weight:600}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0;padding:8px;background:var(--soft);border:1px solid var(--line);border-radius:8px}
.filters select,.filters input{font:inherit;padding:4px 6px;border:1px solid var(--line);border-radius:6px;background:#fff}
.filters input{flex:1;min-width:180px}
details.framework{border:1px solid var(--line);border-radius:8px;padding:6px 12px;margin:8px 0}
details.framework summary{cursor:pointer;font-weight:600}
details.framework summary .small{font-weight:400;margin-left:8px}
.note{color:var(--muted);font-size:12px}
.print-only{display:none}
.warn{border-left:4px solid var(--medium);background:#fff8c5;padding:6px 12px;margin:8px 0}
footer{margin-top:40px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:8px}
@media print{
  @page{size:A4;margin:14mm 12mm}
  body{font-size:11px}main{max-width:none;padding:0}
  .filters,.no-print{display:none}
  tr[hidden]{display:table-row}
  #findings tbody tr:nth-child(n+${PRINT_ROW_LIMIT + 1}){display:none}
  .print-only{display:block}
  details.framework{break-inside:avoid}details>*{display:block}
  tr,.card,.chart{break-inside:avoid}
  h2{break-after:avoid}
  a{color:var(--fg)}
  /* Square code spans: each rounded one is a clip path of its own, a fifth of a long report's PDF. */
  code{border-radius:0}
  .sev,.dot,.card.gate-failed,.card.gate-passed{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;
function sha256Base64(text3) {
  return createHash3("sha256").update(text3, "utf8").digest("base64");
}
var HTML_CSP = `default-src 'none'; style-src 'sha256-${sha256Base64(STYLE)}'; script-src 'sha256-${sha256Base64(SCRIPT)}'; img-src data:; base-uri 'none'; form-action 'none'`;
var e = (text3, max = 300) => escapeHtml(truncate(String(text3 ?? ""), max));
var SEVERITY_COLOR = {
  critical: "#a40e26",
  high: "#d1242f",
  medium: "#bf8700",
  low: "#0969da",
  info: "#818b98"
};
function stackedBars(rows) {
  if (rows.length === 0) return '<p class="note">No findings.</p>';
  const width = 520;
  const labelWidth = 110;
  const barHeight = 18;
  const gap = 8;
  const max = Math.max(1, ...rows.map((row) => SEVERITIES.reduce((n, s) => n + row.counts[s], 0)));
  const scale = (width - labelWidth - 50) / max;
  const height = rows.length * (barHeight + gap);
  const bars = rows.map((row, index) => {
    const y = index * (barHeight + gap);
    let x = labelWidth;
    const total = SEVERITIES.reduce((n, s) => n + row.counts[s], 0);
    const segments = SEVERITIES.filter((s) => row.counts[s] > 0).map((s) => {
      const w = Math.max(2, row.counts[s] * scale);
      const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${barHeight}" fill="${SEVERITY_COLOR[s]}"><title>${e(row.label)}: ${row.counts[s]} ${s}</title></rect>`;
      x += w;
      return rect;
    }).join("");
    return `<text x="${labelWidth - 8}" y="${y + 13}" text-anchor="end">${e(row.label, 16)}</text>${segments}<text x="${(x + 6).toFixed(1)}" y="${y + 13}" class="muted">${total}</text>`;
  }).join("");
  return `<svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="findings by severity">${bars}</svg>`;
}
function simpleBars(rows) {
  const width = 520;
  const labelWidth = 110;
  const barHeight = 18;
  const gap = 8;
  const max = Math.max(1, ...rows.map((row) => row.value));
  const scale = (width - labelWidth - 50) / max;
  const bars = rows.map((row, index) => {
    const y = index * (barHeight + gap);
    const w = row.value > 0 ? Math.max(2, row.value * scale) : 0;
    return `<text x="${labelWidth - 8}" y="${y + 13}" text-anchor="end">${e(row.label, 16)}</text><rect x="${labelWidth}" y="${y}" width="${w.toFixed(1)}" height="${barHeight}" fill="${row.color}"><title>${e(row.label)}: ${row.value}</title></rect><text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 13}" class="muted">${row.value}</text>`;
  }).join("");
  return `<svg viewBox="0 0 ${width} ${rows.length * (barHeight + gap)}" width="100%" role="img">${bars}</svg>`;
}
var legend = `<div class="legend">${SEVERITIES.map((s) => `<span><span class="dot ${s}"></span>${s}</span>`).join("")}</div>`;
function countsFor(findings) {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
function charts(report) {
  const byToolCounts = /* @__PURE__ */ new Map();
  const byCategoryCounts = /* @__PURE__ */ new Map();
  const countIn = (counts, key, f) => {
    let entry = counts.get(key);
    if (!entry) counts.set(key, entry = countsFor([]));
    entry[f.severity]++;
  };
  for (const finding of report.findings) {
    for (const tool of new Set(finding.tools)) countIn(byToolCounts, tool, finding);
    countIn(byCategoryCounts, finding.category, finding);
  }
  const tools = Object.keys(report.summary.byTool).sort();
  const byTool = tools.map((tool) => ({
    label: tool,
    counts: byToolCounts.get(tool) ?? countsFor([])
  }));
  const byCategory = CATEGORIES.filter((c) => report.summary.byCategory[c] > 0).map((c) => ({
    label: c,
    counts: byCategoryCounts.get(c) ?? countsFor([])
  }));
  const parts = [
    `<div class="chart"><h3>Severity by tool</h3>${stackedBars(byTool)}${legend}</div>`,
    `<div class="chart"><h3>Severity by category</h3>${stackedBars(byCategory)}${legend}</div>`
  ];
  if (report.baseline)
    parts.push(
      `<div class="chart"><h3>Against the baseline</h3>${simpleBars([
        { label: "new", value: report.summary.new ?? 0, color: "#cf222e" },
        { label: "unchanged", value: report.summary.unchanged ?? 0, color: "#818b98" },
        { label: "fixed", value: report.summary.fixed ?? 0, color: "#1a7f37" }
      ])}</div>`
    );
  return `<div class="charts">${parts.join("")}</div>${glanceTable(report)}`;
}
function glanceTable(report) {
  const frameworks = report.compliance?.frameworks ?? [];
  if (frameworks.length === 0) return "";
  const rows = frameworks.map((framework) => {
    const count = (status) => framework.controls.filter((control) => control.status === status).length;
    const failing = framework.controls.filter((control) => control.status === "fail");
    const shown = failing.slice(0, 8).map(
      (control) => framework.id.startsWith("cwe-") ? e(control.id) : `${e(control.id)} ${e(control.title, 48)}`
    ).join(" \xB7 ");
    return `<tr><td><a href="#fw-${e(framework.id)}">${e(framework.name, 80)}</a></td><td class="num status fail">${count("fail")}</td><td class="num status pass">${count("pass")}</td><td class="num">${count("not-assessed")}</td><td class="small">${shown}${failing.length > 8 ? ` \xB7 +${failing.length - 8}` : ""}</td></tr>`;
  }).join("");
  return `<h2 id="glance">Compliance at a glance</h2><table class="glance"><colgroup><col class="g-name"><col class="g-n"><col class="g-n"><col class="g-n"><col></colgroup><thead><tr><th>framework</th><th class="num">fail</th><th class="num">pass</th><th class="num">not assessed</th><th>failing controls</th></tr></thead><tbody>${rows}</tbody></table>`;
}
function header(report) {
  const git2 = report.git;
  const facts = [
    git2?.repository ? `<span>repository <b>${e(git2.repository)}</b></span>` : "",
    git2?.commit ? `<span>commit <code>${e(git2.commit.slice(0, 12))}</code></span>` : "",
    git2?.ref ? `<span>ref <code>${e(git2.ref)}</code></span>` : "",
    git2?.runUrl && /^https:\/\//.test(git2.runUrl) ? `<span><a href="${e(git2.runUrl, 2e3)}">workflow run</a></span>` : "",
    `<span>generated <b>${e(report.generatedAt.replace("T", " ").replace(/\.\d+Z$/, " UTC"))}</b></span>`,
    `<span>scanfold <b>${e(report.tool.version)}</b></span>`,
    `<span>root <code>${e(report.root, 200)}</code></span>`
  ].filter(Boolean);
  return `<header class="top"><h1>Scanfold security &amp; compliance report</h1><p class="meta">${facts.join("")}</p></header>`;
}
function errorWarnings(report) {
  return report.errors.map((error) => `<div class="warn">${e(error, 500)}</div>`).join("");
}
function cards(report, late) {
  const card = (n, label, extra = "") => `<div class="card${extra}"><div class="n">${n}</div><div class="l">${label}</div></div>`;
  const list = [
    card(
      e(report.gate.result),
      `gate \xB7 fail-on ${e(report.gate.failOn)}${report.gate.scope ? ` \xB7 ${report.gate.scope === "new" ? "new findings" : "all findings"}` : ""}`,
      ` gate-${report.gate.result}`
    ),
    card(report.summary.total, "findings"),
    card(report.summary.bySeverity.critical + report.summary.bySeverity.high, "critical + high")
  ];
  if (report.baseline) {
    list.push(card(report.summary.new ?? 0, "new"), card(report.summary.fixed ?? 0, "fixed"));
  }
  list.push(card(report.summary.suppressed ?? 0, "suppressed"));
  const scannersFailed = report.scanners.filter(
    (s) => s.status === "failed" || s.status === "timed-out"
  );
  const warnings = [
    ...scannersFailed.map(
      (s) => `<div class="warn">${e(s.name)} ${e(s.status)}: ${e(failedScannerEffect(s), 400)}. ${e(s.message ?? "", 300)}</div>`
    ),
    late ? `<div id="${LATE_ERRORS}"></div>` : errorWarnings(report),
    report.baseline && !report.baseline.comparable ? `<div class="warn">The baseline is not fully comparable: ${e(report.baseline.reason ?? "", 400)}</div>` : ""
  ].join("");
  return `<div class="cards">${list.join("")}</div><p>${e(report.gate.reason, 400)}.</p>${warnings}`;
}
function scannerTable2(report) {
  const rows = report.scanners.map(
    (s) => `<tr><td>${e(s.name)}</td><td>${e(s.status)}</td><td>${e(s.version ?? "\u2014", 60)}</td><td class="num">${(s.durationMs / 1e3).toFixed(1)} s</td><td class="num">${s.findings}</td><td class="small">${e([s.message, ...s.notes ?? []].filter(Boolean).join("; "), 500)}</td></tr>`
  ).join("");
  if (!rows) return '<p class="note">Imported results: no scanner ran in this job.</p>';
  return `<table><thead><tr><th>scanner</th><th>status</th><th>version</th><th class="num">duration</th><th class="num">results</th><th>notes (DB age, retries)</th></tr></thead><tbody>${rows}</tbody></table>`;
}
function findingRow2(finding) {
  const where = (l) => `${l.path}${l.startLine ? `:${l.startLine}` : ""}`;
  const all = finding.locations ?? [finding.location];
  const locationCell2 = all.slice(0, 6).map((l) => `<code>${e(where(l), 200)}</code>`).join("<br>") + (all.length > 6 ? `<br><span class="small">+${all.length - 6} more</span>` : "") + (finding.commit ? `<div class="small">${e(historyNote(finding).trim())}</div>` : "");
  const pkg = finding.package ? `<div class="small">${e(finding.package.name)}@${e(finding.package.version ?? "?")}${finding.package.fixedVersion ? ` \u2192 fixed in ${e(finding.package.fixedVersion)}` : ""}</div>` : "";
  const badges = [
    finding.baseline === "new" ? '<span class="badge new">new</span>' : "",
    finding.suppression ? `<span class="badge supp" title="${e(finding.suppression.reason)}">suppressed (${e(finding.suppression.source)})</span>` : "",
    ...(finding.compliance ?? []).slice(0, 6).map((key) => `<span class="badge">${e(controlLabel(key))}</span>`)
  ].join("");
  const base = finding.baseline ?? "";
  return `<tr id="${e(finding.id)}" data-sev="${finding.severity}" data-cat="${e(finding.category)}" data-tools="${e(finding.tools.join(" "))}" data-base="${e(base)}"><td><span class="sev ${finding.severity}">${finding.severity}</span></td><td><div class="title">${e(finding.category === "secret" ? `${finding.title} (value redacted)` : finding.title, 200)}</div><div class="small"><code>${e(finding.ruleId, 120)}</code>${finding.cwe.length ? ` \xB7 ${e(finding.cwe.slice(0, 4).join(", "))}` : ""}</div>${pkg}<div>${badges}</div></td><td>${locationCell2}</td><td>${e(finding.category)}</td><td>${e(finding.tools.join(", "))}</td></tr>`;
}
function option(value, label = value) {
  return `<option value="${e(value)}">${e(label)}</option>`;
}
function findingsSection(report, rowLimit) {
  const shown = report.findings.slice(0, rowLimit);
  const hidden = report.findings.length - shown.length;
  const tools = Object.keys(report.summary.byTool).sort();
  const filters = `<div class="filters no-print">
<label>severity <select id="f-sev"><option value="">any</option>${SEVERITIES.map((s) => option(s)).join("")}</select></label>
<label>tool <select id="f-tool"><option value="">any</option>${tools.map((t) => option(t)).join("")}</select></label>
<label>category <select id="f-cat"><option value="">any</option>${CATEGORIES.filter(
    (c) => report.summary.byCategory[c] > 0
  ).map((c) => option(c)).join("")}</select></label>
<label>baseline <select id="f-base"><option value="">any</option>${report.baseline ? option("new") + option("unchanged") : ""}</select></label>
<input id="f-text" type="search" placeholder="Search title, rule, path, package\u2026" aria-label="search findings">
<span id="f-count" class="small"></span></div>`;
  return `<h2 id="findings-heading">Findings</h2>${filters}
<table id="findings"><colgroup><col class="c-sev"><col><col class="c-loc"><col class="c-cat"><col class="c-tools"></colgroup><thead><tr><th>severity</th><th>finding</th><th>location</th><th>category</th><th>tools</th></tr></thead>
<tbody>${shown.map(findingRow2).join("\n")}</tbody></table>
${hidden > 0 ? `<p class="note">${hidden} more finding(s), less severe, are in report.json.</p>` : ""}${report.findings.length > PRINT_ROW_LIMIT ? `<p class="note print-only">Printed: the ${PRINT_ROW_LIMIT} most severe of ${report.findings.length} findings. Every finding is in report.json and scanfold.sarif.</p>` : ""}`;
}
function fixedSection2(report, rowLimit) {
  if (!report.baseline) return "";
  const fixed = report.fixed ?? [];
  const rows = fixed.slice(0, rowLimit).map(
    (f) => `<tr><td><span class="sev ${f.severity}">${f.severity}</span></td><td><div class="title">${e(f.title ?? f.ruleId, 200)}</div><div class="small"><code>${e(f.ruleId, 120)}</code> \xB7 ${e(f.id)}</div></td><td><code>${e(`${f.location.path}${f.location.startLine ? `:${f.location.startLine}` : ""}`, 200)}</code></td><td>${e(f.tools.join(", "))}</td></tr>`
  ).join("");
  const base = report.baseline;
  return `<h2 id="fixed">Fixed since the baseline</h2><p class="small">Baseline <code>${e(base.file, 200)}</code>${base.generatedAt ? ` from ${e(base.generatedAt)}` : ""}: ${report.summary.new ?? 0} new, ${report.summary.unchanged ?? 0} unchanged, ${fixed.length} fixed${base.notRechecked ? `; ${base.notRechecked} not re-checked (their scanner did not complete)` : ""}.</p>${rows ? `<table><thead><tr><th>severity</th><th>finding</th><th>location</th><th>tools</th></tr></thead><tbody>${rows}</tbody></table>` : '<p class="note">Nothing was fixed.</p>'}`;
}
function controlFindings(ids, byId) {
  if (ids.length === 0) return "";
  const groups = /* @__PURE__ */ new Map();
  for (const id of ids) {
    const title = byId.get(id)?.title ?? id;
    const list = groups.get(title);
    if (list) list.push(id);
    else groups.set(title, [id]);
  }
  const shown = [...groups.entries()].slice(0, 6).map(([title, members]) => {
    const first = members[0] ?? "";
    return `<a href="#${e(first)}">${e(title, 80)}</a>${members.length > 1 ? ` \xD7${members.length}` : ""}`;
  });
  const more = groups.size > 6 ? `, and ${groups.size - 6} more kinds` : "";
  return `<b>${ids.length}</b> \u2014 ${shown.join("; ")}${more}`;
}
function frameworkSection(framework, byId) {
  const counts = { pass: 0, fail: 0, "not-assessed": 0 };
  for (const control of framework.controls) counts[control.status]++;
  const rows = framework.controls.map((control) => {
    const cell = [
      controlFindings(control.findings, byId),
      control.passed?.length ? `passed: ${e(control.passed.join(", "))}` : ""
    ].filter(Boolean).join("<br>");
    return `<tr><td><code>${e(control.id)}</code></td><td>${e(control.title, 200)}</td><td class="status ${control.status}">${control.status === "not-assessed" ? "not assessed" : control.status}</td><td class="small">${cell}</td></tr>`;
  }).join("");
  return `<details class="framework" id="fw-${e(framework.id)}" open><summary>${e(framework.name)} <span class="small"><span class="status fail">${counts.fail} fail</span> \xB7 <span class="status pass">${counts.pass} pass</span> \xB7 ${counts["not-assessed"]} not assessed</span></summary>
<p class="small">Source: ${e(framework.source, 500)}. Licence: ${e(framework.license, 200)}.</p>
<table class="controls"><colgroup><col class="c-id"><col class="c-title"><col class="c-status"><col></colgroup><thead><tr><th>control</th><th>title</th><th>status</th><th>findings</th></tr></thead><tbody>${rows}</tbody></table></details>`;
}
function complianceSection(report) {
  const frameworks = report.compliance?.frameworks ?? [];
  if (frameworks.length === 0) return "";
  const byId = new Map(report.findings.map((finding) => [finding.id, finding]));
  return `<h2 id="compliance">Compliance</h2><p class="small">A control <b>fails</b> when a finding maps to it, <b>passes</b> only when one of its checks ran and passed, and is otherwise <b>not assessed</b>: no control passes on silence. Suppressed findings fail no control.</p>${frameworks.map((framework) => frameworkSection(framework, byId)).join("")}`;
}
function suppressionsSection(report) {
  const s = report.suppressions;
  const inline = report.findings.filter((f) => f.suppression?.source === "inline").length;
  if (!s || s.active.length + s.expired.length + s.unused.length === 0 && inline === 0) return "";
  const matcher = (entry) => ["rule", "fingerprint", "cve", "path", "tool"].filter((key) => typeof entry[key] === "string").map((key) => `${key}: <code>${e(String(entry[key]), 120)}</code>`).join(" ");
  const rows = (state, entries) => entries.map(
    (entry) => `<tr><td>#${entry.suppression.index + 1}</td><td class="status ${state === "active" ? "pass" : state === "expired" ? "fail" : "not-assessed"}">${state}</td><td>${matcher(entry.suppression)}</td><td>${e(entry.suppression.reason, 300)}</td><td>${e(entry.suppression.expires ?? "never")}</td><td class="num">${entry.findings?.length ?? 0}</td></tr>`
  ).join("");
  const body = rows("active", s.active) + rows("expired", s.expired) + rows("unused", s.unused);
  return `<h2 id="suppressions">Suppressions</h2>${body ? `<table><thead><tr><th>#</th><th>state</th><th>matches</th><th>reason</th><th>expires</th><th class="num">findings</th></tr></thead><tbody>${body}</tbody></table>` : ""}<p class="small">Expired suppressions no longer apply (the findings they matched count again); unused ones matched nothing this run.${inline ? ` ${inline} finding(s) are suppressed in the source by the tool's own ignore comment.` : ""}</p>`;
}
function sbomSection(report) {
  if (!report.sbom && !report.licenses) return "";
  const parts = ['<h2 id="sbom">SBOM and licences</h2>'];
  if (report.sbom)
    parts.push(
      `<p>${report.sbom.components} components, ${report.sbom.uniquePurls} unique package URLs (sbom.cdx.json, CycloneDX 1.6).</p>`
    );
  const policy = report.licenses;
  if (policy) {
    parts.push(
      `<p class="small">Licence policy: deny ${e(policy.deny.join(", "), 600)}${policy.allow ? `; allow only ${e(policy.allow.join(", "), 600)}` : ""}. ${policy.components} components: ${policy.denied.length} denied, ${policy.unknown.length} with a licence that is not SPDX, ${policy.undeclared} declaring none.</p>`
    );
    const rows = [
      ...policy.denied.map(
        (d) => `<tr><td>${e(d.name)}${d.version ? `@${e(d.version)}` : ""}</td><td><code>${e(d.license, 200)}</code></td><td class="status fail">denied</td><td class="small">${e(d.reason, 200)}</td></tr>`
      ),
      ...policy.unknown.map(
        (u) => `<tr><td>${e(u.name)}${u.version ? `@${e(u.version)}` : ""}</td><td><code>${e(u.license, 200)}</code></td><td class="status not-assessed">unknown</td><td class="small">not an SPDX licence expression</td></tr>`
      )
    ];
    if (rows.length)
      parts.push(
        `<table><thead><tr><th>component</th><th>licence</th><th>verdict</th><th>why</th></tr></thead><tbody>${rows.slice(0, 1e3).join("")}</tbody></table>`
      );
  }
  const seen = report.sbom?.licenses ?? [];
  if (seen.length)
    parts.push(
      `<p class="small">Licences seen: ${seen.slice(0, 200).map((l) => `<span class="badge">${e(l, 80)}</span>`).join("")}</p>`
    );
  return parts.join("");
}
function manifestSection(report) {
  const entries = Object.entries(report.manifest);
  if (entries.length === 0) return "";
  return `<h2 id="manifest">Manifest</h2><p class="small">SHA-256 of every file written before this page (report.json lists this page and any PDF too).</p><table><thead><tr><th>file</th><th>sha-256</th></tr></thead><tbody>${entries.slice(0, 2e3).map(
    ([file, hash3]) => `<tr><td><code>${e(file, 200)}</code></td><td><code>${e(hash3, 64)}</code></td></tr>`
  ).join("")}</tbody></table>`;
}
var LATE_ERRORS = "late-errors";
var LATE_MANIFEST = "late-manifest";
function lateParts(report) {
  return [
    { id: LATE_ERRORS, html: errorWarnings(report) },
    { id: LATE_MANIFEST, html: manifestSection(report) }
  ];
}
var rendered = /* @__PURE__ */ new WeakMap();
function once2(report, name, render) {
  const reads = [report.summary, report.compliance, report.baseline];
  let cached2 = rendered.get(report.findings);
  if (!cached2 || cached2.reads.some((read, index) => read !== reads[index]))
    rendered.set(report.findings, cached2 = { reads, sections: /* @__PURE__ */ new Map() });
  let html = cached2.sections.get(name);
  if (html === void 0) cached2.sections.set(name, html = render(report));
  return html;
}
function renderHtml(report, options = {}) {
  const rowLimit = options.rowLimit ?? HTML_ROW_LIMIT;
  const late = options.lateSlots === true;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>Scanfold report${report.git?.repository ? ` \u2014 ${e(report.git.repository)}` : ""}</title>
<style>${STYLE}</style></head><body><main>
${header(report)}
${cards(report, late)}
${once2(report, "charts", charts)}
<h2 id="scanners">Scanners</h2>${scannerTable2(report)}
${findingsSection(report, rowLimit)}
${fixedSection2(report, rowLimit)}
${once2(report, "compliance", complianceSection)}
${suppressionsSection(report)}
${sbomSection(report)}
${late ? `<div id="${LATE_MANIFEST}"></div>` : manifestSection(report)}
<footer>Generated by scanfold ${e(report.tool.version)}. report.json holds every finding with its sources; scanfold.sarif holds every scanner result.</footer>
</main><script>${SCRIPT}</script></body></html>
`;
}

// src/outputs/json-stream.ts
import { createHash as createHash4 } from "node:crypto";
import { writeFile as writeFile5 } from "node:fs/promises";
import { Worker } from "node:worker_threads";
import { deflateRawSync } from "node:zlib";
var FLUSH_AT = 4 * 1024 * 1024;
var MAX_IN_FLIGHT = 64 * 1024 * 1024;
var breathe = () => new Promise((resolve) => setImmediate(resolve));
var SINK = `
const { parentPort, workerData } = require('node:worker_threads');
const { closeSync, openSync, writeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { deflateRawSync } = require('node:zlib');
let fd;
const hash = createHash('sha256');
const measured = [];
parentPort.on('message', (message) => {
  try {
    fd ??= openSync(workerData.file, 'w');
    if (message.end) {
      closeSync(fd);
      parentPort.postMessage({ sha256: hash.digest('hex'), measured });
      return;
    }
    const chunk = Buffer.from(message.text, 'utf8');
    hash.update(chunk);
    for (let offset = 0; offset < chunk.length; )
      offset += writeSync(fd, chunk, offset, chunk.length - offset);
    if (message.item !== undefined) {
      const item = (measured[message.item] ??= { bytes: 0, deflatedBytes: 0 });
      item.bytes += chunk.length;
      item.deflatedBytes += deflateRawSync(chunk, { level: 1 }).length;
    }
    parentPort.postMessage({ written: message.text.length });
  } catch (error) {
    if (fd !== undefined) try { closeSync(fd); } catch {}
    parentPort.postMessage({ failed: String((error && error.message) || error) });
    parentPort.close();
  }
});
`;
var ChunkWriter = class {
  pending = [];
  pendingLength = 0;
  /** Chunks kept until there is enough text to be worth a thread. */
  queued = [];
  queuedLength = 0;
  inFlight = 0;
  failure;
  sink;
  wake;
  finished;
  file;
  /** The measured item the text pushed now belongs to, if any. */
  item;
  items = 0;
  constructor(file) {
    this.file = file;
  }
  startSink() {
    const file = this.file;
    const sink = new Worker(SINK, { eval: true, workerData: { file } });
    sink.on("message", (message) => {
      if ("written" in message) this.inFlight -= message.written;
      else if ("failed" in message) this.fail(new Error(`${file}: ${message.failed}`));
      else this.finished?.({ sha256: message.sha256, measuredBySink: message.measured });
      this.wake?.();
    });
    sink.on(
      "error",
      (error) => this.fail(error instanceof Error ? error : new Error(String(error)))
    );
    sink.on("exit", () => this.fail(new Error(`${file}: the writer thread stopped`)));
    return sink;
  }
  fail(error) {
    this.failure ??= error;
    this.wake?.();
  }
  send(sink, chunk) {
    this.inFlight += chunk.text.length;
    sink.postMessage(chunk);
  }
  push(text3) {
    this.pending.push(text3);
    this.pendingLength += text3.length;
  }
  get full() {
    return this.pendingLength >= FLUSH_AT;
  }
  flush() {
    if (this.pending.length === 0) return;
    const chunk = { text: this.pending.join(""), item: this.item };
    this.pending = [];
    this.pendingLength = 0;
    if (this.sink) return this.send(this.sink, chunk);
    this.queued.push(chunk);
    this.queuedLength += chunk.text.length;
    if (this.queuedLength < FLUSH_AT) return;
    const sink = this.sink = this.startSink();
    for (const queued of this.queued) this.send(sink, queued);
    this.queued = [];
  }
  nextMessage() {
    return new Promise((resolve) => this.wake = resolve);
  }
  /**
   * A pause between chunks: the event loop runs, and while more than MAX_IN_FLIGHT waits for the
   * disk, the writer waits too (a slow disk must not fill memory with the document).
   */
  async ready() {
    await breathe();
    while (this.inFlight > MAX_IN_FLIGHT && !this.failure) await this.nextMessage();
    if (this.failure) throw this.failure;
  }
  /** Everything is on disk and the file closed: its hash and measurements. */
  async finish() {
    this.flush();
    const sink = this.sink;
    if (!sink) return this.writeHere();
    const done = new Promise((resolve) => {
      this.finished = resolve;
    });
    sink.postMessage({ end: true });
    while (!this.failure) {
      const result = await Promise.race([done, this.nextMessage().then(() => void 0)]);
      if (result) return { sha256: result.sha256, measured: this.measured(result.measuredBySink) };
    }
    throw this.failure;
  }
  /** A small document: what the sink does, on this thread. */
  async writeHere() {
    const hash3 = createHash4("sha256");
    const measured = [];
    const buffers = this.queued.map((chunk) => {
      const buffer = Buffer.from(chunk.text, "utf8");
      hash3.update(buffer);
      if (chunk.item !== void 0) {
        const item = measured[chunk.item] ??= { bytes: 0, deflatedBytes: 0 };
        item.bytes += buffer.length;
        item.deflatedBytes += deflateRawSync(buffer, { level: 1 }).length;
      }
      return buffer;
    });
    try {
      await writeFile5(this.file, buffers);
    } catch (error) {
      throw new Error(`${this.file}: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error
      });
    }
    return { sha256: hash3.digest("hex"), measured: this.measured(measured) };
  }
  measured(found) {
    return Array.from(
      { length: this.items },
      (_, index) => found[index] ?? { bytes: 0, deflatedBytes: 0 }
    );
  }
  /** The thread goes, whatever happened (after finish() it has nothing left to do). */
  async stop() {
    if (!this.sink) return;
    this.sink.removeAllListeners("exit");
    await this.sink.terminate();
  }
};
function isPending(value) {
  return typeof value === "object" && value !== null && typeof value.then === "function";
}
async function writeJsonFile(file, value, options = {}) {
  const depth = options.depth ?? 4;
  const out = new ChunkWriter(file);
  function* walk(node, level, key) {
    if (isPending(node)) {
      let settled;
      yield Promise.resolve(node).then((result) => settled = result);
      node = settled;
    }
    const isContainer = typeof node === "object" && node !== null;
    if (!isContainer || level >= depth || typeof node.toJSON === "function") {
      out.push(JSON.stringify(node) ?? "null");
      return;
    }
    const indent = "  ".repeat(level);
    const inner = "  ".repeat(level + 1);
    if (Array.isArray(node)) {
      if (node.length === 0) return out.push("[]");
      const measuring = level === 1 && key !== void 0 && key === options.measure;
      out.push("[\n");
      for (let index = 0; index < node.length; index++) {
        if (measuring) {
          out.flush();
          out.item = out.items++;
        }
        out.push(inner);
        yield* walk(node[index] === void 0 ? null : node[index], level + 1);
        if (measuring) {
          out.flush();
          out.item = void 0;
        }
        out.push(index < node.length - 1 ? ",\n" : "\n");
        if (out.full) {
          out.flush();
          yield out.ready();
        }
      }
      return out.push(`${indent}]`);
    }
    const entries = Object.entries(node).filter(
      ([, v]) => v !== void 0 && typeof v !== "function"
    );
    if (entries.length === 0) return out.push("{}");
    out.push("{\n");
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[index] ?? ["", null];
      const [name, child] = entry;
      out.push(`${inner}${JSON.stringify(name)}: `);
      yield* walk(child, level + 1, name);
      out.push(index < entries.length - 1 ? ",\n" : "\n");
    }
    out.push(`${indent}}`);
  }
  try {
    for (const pause of walk(value, 0)) await pause;
    out.push("\n");
    return await out.finish();
  } finally {
    await out.stop();
  }
}

// src/outputs/write.ts
var OUTPUT_FILES = {
  sarif: "scanfold.sarif",
  sbom: "sbom.cdx.json",
  report: "report.json",
  markdown: "report.md",
  html: "report.html",
  pdf: "report.pdf"
};
var OWN_OUTPUTS = [...Object.values(OUTPUT_FILES), "manifest.json"];
function pdfWanted(env = process.env) {
  return env.SCANFOLD_PDF !== "0";
}
async function prepareOutputDir(outputDir) {
  const existing = await lstat2(outputDir).catch(() => void 0);
  if (existing?.isSymbolicLink()) {
    const target = await stat2(outputDir).catch(() => void 0);
    if (!target?.isDirectory())
      throw new ConfigurationError(
        `--out ${outputDir}: a symbolic link to something that is not a directory`
      );
  } else if (existing && !existing.isDirectory()) {
    throw new ConfigurationError(`--out ${outputDir}: exists and is not a directory`);
  }
  await mkdir2(outputDir, { recursive: true });
}
async function clearOwnOutputs(outputDir, extra = []) {
  for (const name of [...OWN_OUTPUTS, ...extra])
    await rm3(path23.join(outputDir, name), { recursive: true, force: true });
}
async function writeFresh(file, text3) {
  await rm3(file, { force: true });
  await writeFile6(file, text3, { flag: "wx" });
}
async function writeFreshJson(file, value, options) {
  await rm3(file, { force: true });
  return writeJsonFile(file, value, options);
}
async function writeSarifOutput(outputDir, sarif) {
  await prepareOutputDir(outputDir);
  await clearOwnOutputs(outputDir);
  const written = await writeFreshJson(path23.join(outputDir, OUTPUT_FILES.sarif), sarif, {
    measure: "runs"
  });
  return { sha256: written.sha256, runs: written.measured };
}
async function hashFiles(outputDir, written, known2) {
  const manifest = {};
  for (const relative of [...written].sort()) {
    manifest[relative] = known2.get(relative) ?? createHash5("sha256").update(await readFile6(path23.join(outputDir, relative))).digest("hex");
  }
  return manifest;
}
function scrubReport(report, secretTokens2) {
  return scrubValue(report, secretTokens2);
}
function finishReport(draft, late, secretTokens2) {
  return { ...draft, ...scrubValue(late, secretTokens2) };
}
function openPrintPage(draft, printer) {
  const browser = printer ?? createPdfPrinter();
  const opened = temporaryPage(
    renderHtml(draft, { rowLimit: PRINT_ROW_LIMIT, lateSlots: true })
  ).then((page) => ({ page, job: browser.open(page.page) }));
  opened.catch(() => void 0);
  let closed;
  const discard = () => closed ??= (async () => {
    const loaded = await opened.catch(() => void 0);
    await loaded?.job.discard();
    await loaded?.page.remove();
    if (!printer) await browser.close();
  })();
  return {
    async print(report, pdfFile) {
      try {
        const loaded = await opened.catch((error) => errorMessage(error));
        if (typeof loaded === "string")
          return { ok: false, note: `report.pdf skipped: its page was not written (${loaded})` };
        return await loaded.job.print(pdfFile, lateParts(report));
      } finally {
        await discard();
      }
    },
    discard
  };
}
async function writeOutputs(request) {
  const { outputDir, secretTokens: secretTokens2, report } = request;
  const written = [OUTPUT_FILES.sarif];
  const known2 = /* @__PURE__ */ new Map([[OUTPUT_FILES.sarif, request.sarif.sha256]]);
  const step = request.step ?? (() => void 0);
  if (request.sbomJson) {
    await writeFresh(path23.join(outputDir, OUTPUT_FILES.sbom), request.sbomJson);
    written.push(OUTPUT_FILES.sbom);
  }
  for (const raw of request.rawFiles) {
    const file = path23.join(outputDir, raw);
    const stats = await lstat2(file).catch(() => void 0);
    if (!stats?.isFile()) continue;
    if (secretTokens2.length > 0) {
      const text3 = await readFile6(file, "utf8");
      const scrubbed = scrubTokens(text3, secretTokens2);
      if (scrubbed !== text3) await writeFresh(file, scrubbed);
    }
    written.push(raw);
  }
  step("write sbom+raw");
  await writeFresh(
    path23.join(outputDir, OUTPUT_FILES.markdown),
    renderMarkdown(report, { maxLength: 1e6 })
  );
  written.push(OUTPUT_FILES.markdown);
  const withManifest = { ...report, manifest: await hashFiles(outputDir, written, known2) };
  const printed = request.printPage ? request.printPage.print(withManifest, path23.join(outputDir, OUTPUT_FILES.pdf)).then((pdf) => {
    if (pdf.ok) written.push(OUTPUT_FILES.pdf);
    else request.note?.(pdf.note);
  }) : Promise.resolve();
  printed.catch(() => void 0);
  await writeFresh(path23.join(outputDir, OUTPUT_FILES.html), renderHtml(withManifest));
  written.push(OUTPUT_FILES.html);
  step("write md+html");
  const manifest = printed.then(() => hashFiles(outputDir, written, known2));
  manifest.catch(() => void 0);
  await writeFreshJson(
    path23.join(outputDir, OUTPUT_FILES.report),
    { ...report, manifest },
    { depth: 2 }
  );
  step("write report+pdf");
  return { ...report, manifest: await manifest };
}

// src/plan/plan.ts
import { readdir } from "node:fs/promises";
import path24 from "node:path";
var SKIP_DIRS = /* @__PURE__ */ new Set([".git", "node_modules", ".venv", "venv", "__pycache__", ".terraform"]);
var FILE_LIMIT = 2e5;
async function listFiles(root, outputDir) {
  const files = [];
  const walk = async (dir) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (files.length >= FILE_LIMIT) return;
      const full = path24.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name) && full !== outputDir) await walk(full);
      } else if (entry.isFile()) {
        files.push(path24.relative(root, full).split(path24.sep).join("/"));
      }
    }
  };
  await walk(root);
  return files;
}
async function planScan(config) {
  const files = await listFiles(config.root, config.outputDir);
  return config.scanners.map((name) => {
    const adapter = adapterNamed(name);
    if (!adapter) throw new Error(`unknown scanner "${name}"`);
    const applicability = adapter.applies(config, files);
    if (!applicability.applies)
      return { name, adapter, run: false, reason: applicability.reason ?? "not applicable" };
    const dependsOn = (adapter.dependsOn ?? []).filter(
      (dependency) => config.scanners.includes(dependency)
    );
    return { name, adapter, run: true, dependsOn };
  });
}

// src/policy/index.ts
import { createHash as createHash6 } from "node:crypto";

// src/policy/baseline.ts
import { execFile as execFile3 } from "node:child_process";
import { readFile as readFile7 } from "node:fs/promises";
import { promisify as promisify3 } from "node:util";
var run2 = promisify3(execFile3);
var BaselineFindingSchema = external_exports.object({
  id: external_exports.string(),
  fingerprint: external_exports.string(),
  category: CategorySchema,
  severity: SeveritySchema,
  ruleId: external_exports.string(),
  title: external_exports.string().optional(),
  tools: external_exports.array(external_exports.string()),
  location: LocationSchema2,
  cve: external_exports.string().optional(),
  ghsa: external_exports.string().optional(),
  package: external_exports.object({ name: external_exports.string(), version: external_exports.string().optional() }).optional(),
  sources: external_exports.array(external_exports.object({ tool: external_exports.string(), ruleId: external_exports.string() })).optional()
});
var BaselineReportSchema = external_exports.object({
  generatedAt: external_exports.string().optional(),
  findings: external_exports.array(BaselineFindingSchema),
  scanners: external_exports.array(external_exports.object({ name: external_exports.string(), status: external_exports.string() })).optional(),
  settings: external_exports.object({ scanners: external_exports.array(external_exports.string()), digest: external_exports.string() }).optional(),
  git: external_exports.object({ commit: external_exports.string().optional() }).optional()
});
async function loadBaseline(file) {
  let text3;
  try {
    text3 = await readFile7(file, "utf8");
  } catch (error) {
    throw new ConfigurationError(`baseline ${file}: cannot be read: ${errorMessage(error)}`);
  }
  let raw;
  try {
    raw = JSON.parse(text3);
  } catch (error) {
    throw new ConfigurationError(`baseline ${file}: invalid JSON (${jsonErrorDetail(error)})`);
  }
  const parsed = BaselineReportSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigurationError(
      `baseline ${file}: not a scanfold report.json (${firstIssue(parsed.error)})`
    );
  }
  return { ...parsed.data, file };
}
async function gitRenames(root, commit) {
  const renames = /* @__PURE__ */ new Map();
  if (!commit || !/^[0-9a-f]{7,64}$/i.test(commit)) return renames;
  try {
    const { stdout } = await run2(
      "git",
      ["-C", root, "diff", "--relative", "-M", "--name-status", "-z", commit, "--"],
      { maxBuffer: 64 * 1024 * 1024 }
    );
    const fields = stdout.split("\0");
    for (let i = 0; i < fields.length; i++) {
      const status = fields[i] ?? "";
      if (status.startsWith("R") || status.startsWith("C")) {
        const from = fields[i + 1];
        const to = fields[i + 2];
        if (from && to && status.startsWith("R")) renames.set(from, to);
        i += 2;
      } else if (status) i += 1;
    }
  } catch {
  }
  return renames;
}
async function gitCommit(root) {
  try {
    const { stdout } = await run2("git", ["-C", root, "rev-parse", "HEAD"]);
    return stdout.trim() || void 0;
  } catch {
    return void 0;
  }
}
function looseKeys(finding, filePath) {
  if (finding.category === "vulnerability")
    return [
      `vulnerability|${finding.cve ?? finding.ghsa ?? finding.ruleId}|${finding.package?.name.toLowerCase() ?? ""}@${finding.package?.version ?? ""}|${filePath}`
    ];
  const rules = finding.sources?.length ? finding.sources.map((source) => `${source.tool}:${source.ruleId}`) : finding.tools.map((tool) => `${tool}:${finding.ruleId}`);
  return [...new Set(rules)].map((rule2) => `${finding.category}|${rule2}|${filePath}`);
}
function compareWithBaseline(request) {
  const { baseline, renames } = request;
  const pending = /* @__PURE__ */ new Map();
  for (const old of baseline.findings) {
    const list = pending.get(old.fingerprint);
    if (list) list.push(old);
    else pending.set(old.fingerprint, [old]);
  }
  const status = /* @__PURE__ */ new Map();
  const claimed = /* @__PURE__ */ new Map();
  const claim = (old, tools) => {
    const set = claimed.get(old) ?? /* @__PURE__ */ new Set();
    for (const tool of tools) set.add(tool);
    claimed.set(old, set);
  };
  const unmatched = [];
  for (const finding of request.findings) {
    const old = pending.get(finding.fingerprint)?.shift();
    if (old) {
      claim(old, finding.tools);
      status.set(finding, "unchanged");
    } else unmatched.push(finding);
  }
  const byLooseKey = /* @__PURE__ */ new Map();
  for (const old of baseline.findings) {
    for (const key of looseKeys(old, renames.get(old.location.path) ?? old.location.path)) {
      const group = byLooseKey.get(key);
      if (group) group.push(old);
      else byLooseKey.set(key, [old]);
    }
  }
  const toolOf2 = (key) => key.split("|")[1]?.split(":")[0] ?? "";
  for (const finding of unmatched) {
    const line = finding.location.startLine ?? 0;
    let best;
    for (const key of looseKeys(finding, finding.location.path)) {
      const tool = toolOf2(key);
      for (const old of byLooseKey.get(key) ?? []) {
        if (finding.category !== "vulnerability" && claimed.get(old)?.has(tool)) continue;
        if (finding.category === "vulnerability" && claimed.has(old)) continue;
        const distance = Math.abs((old.location.startLine ?? 0) - line);
        if (!best || distance < Math.abs((best.location.startLine ?? 0) - line)) best = old;
      }
    }
    if (best) claim(best, finding.tools);
    status.set(finding, best ? "unchanged" : "new");
  }
  let notRechecked = 0;
  const fixed = [];
  for (const old of baseline.findings) {
    if (claimed.has(old)) continue;
    if (!old.tools.some((tool) => request.completedTools.has(tool))) {
      notRechecked++;
      continue;
    }
    fixed.push({
      id: old.id,
      fingerprint: old.fingerprint,
      ruleId: old.ruleId,
      ...old.title ? { title: old.title } : {},
      category: old.category,
      severity: old.severity,
      location: old.location,
      tools: old.tools
    });
  }
  const reasons = [];
  if (baseline.settings && request.settings) {
    const before = [...baseline.settings.scanners].sort().join(", ");
    const now = [...request.settings.scanners].sort().join(", ");
    if (before !== now) reasons.push(`the baseline ran ${before}; this run ran ${now}`);
    else if (baseline.settings.digest !== request.settings.digest)
      reasons.push("the baseline was made with different scanner settings");
  }
  return {
    findings: request.findings.map((finding) => ({
      ...finding,
      baseline: status.get(finding) ?? "new"
    })),
    fixed,
    info: {
      file: baseline.file,
      ...baseline.generatedAt ? { generatedAt: baseline.generatedAt } : {},
      comparable: reasons.length === 0,
      ...reasons.length ? { reason: reasons.join("; ") } : {},
      notRechecked,
      renames: renames.size
    }
  };
}

// src/policy/gate.ts
function evaluateGate(findings, failOn, scope = "all") {
  if (failOn === "none")
    return {
      failOn,
      scope,
      result: "passed",
      reason: "fail-on is none: findings never fail the gate"
    };
  const threshold = severityRank[failOn];
  const which = scope === "new" ? "new finding" : "finding";
  const blocking = findings.filter(
    (finding) => !finding.suppressed && (scope === "all" || finding.baseline !== "unchanged") && severityRank[finding.severity] >= threshold
  );
  if (blocking.length === 0)
    return { failOn, scope, result: "passed", reason: `no ${which}s at or above ${failOn}` };
  const counts = ["critical", "high", "medium", "low"].filter((severity) => severityRank[severity] >= threshold).map(
    (severity) => [severity, blocking.filter((finding) => finding.severity === severity).length]
  ).filter(([, count]) => count > 0).map(([severity, count]) => `${count} ${severity}`);
  return {
    failOn,
    scope,
    result: "failed",
    reason: `${blocking.length} ${which}(s) at or above ${failOn} (${counts.join(", ")})`
  };
}

// src/policy/suppressions.ts
import path25 from "node:path";
function isExpired(rule2, now) {
  if (!rule2.expires) return false;
  return now >= Date.parse(`${rule2.expires}T00:00:00Z`) + 864e5;
}
function advisoryIds2(finding) {
  return new Set(
    [finding.cve, finding.ghsa, ...finding.aliases ?? [], finding.ruleId].filter((id) => Boolean(id)).map((id) => id.toUpperCase())
  );
}
function matches(rule2, finding) {
  if (rule2.rule !== void 0 && finding.ruleId !== rule2.rule && !finding.sources.some((source) => source.ruleId === rule2.rule))
    return false;
  if (rule2.fingerprint !== void 0) {
    const wanted = rule2.fingerprint.toLowerCase();
    if (finding.id.toLowerCase() !== wanted && !finding.fingerprint.startsWith(wanted))
      return false;
  }
  if (rule2.cve !== void 0 && !advisoryIds2(finding).has(rule2.cve.toUpperCase())) return false;
  if (rule2.path !== void 0 && !path25.posix.matchesGlob(finding.location.path, rule2.path))
    return false;
  if (rule2.tool !== void 0 && !finding.tools.includes(rule2.tool.toLowerCase())) return false;
  return true;
}
function applySuppressions(findings, rules, now) {
  const entries = rules.map((rule2, index) => ({ ...rule2, index }));
  const matched = new Map(entries.map((entry) => [entry.index, []]));
  const live = entries.filter((entry) => !isExpired(entry, now));
  const dead = entries.filter((entry) => isExpired(entry, now));
  const result = findings.map((finding) => {
    for (const entry of dead)
      if (matches(entry, finding)) matched.get(entry.index)?.push(finding.id);
    const hits = live.filter((entry) => matches(entry, finding));
    for (const entry of hits) matched.get(entry.index)?.push(finding.id);
    const hit = hits[0];
    if (hit)
      return {
        ...finding,
        suppressed: true,
        suppression: {
          source: "config",
          reason: hit.reason,
          ...hit.expires ? { expires: hit.expires } : {}
        }
      };
    if (finding.suppressed)
      return {
        ...finding,
        suppression: finding.suppression ?? {
          source: "inline",
          reason: "suppressed in the source by the tool's ignore comment"
        }
      };
    return finding;
  });
  const ids = (entry) => matched.get(entry.index) ?? [];
  return {
    findings: result,
    active: live.filter((entry) => ids(entry).length > 0).map((entry) => ({ suppression: entry, findings: ids(entry) })),
    expired: dead.map((entry) => ({ suppression: entry, findings: ids(entry) })),
    unused: live.filter((entry) => ids(entry).length === 0).map((entry) => ({ suppression: entry }))
  };
}

// src/policy/licenses.ts
var import_spdx_expression_parse = __toESM(require_spdx_expression_parse(), 1);
var import_spdx_satisfies = __toESM(require_spdx_satisfies(), 1);
var STRONG_COPYLEFT = [
  "GPL-1.0-or-later",
  "GPL-2.0-only",
  "GPL-2.0-or-later",
  "GPL-3.0-only",
  "GPL-3.0-or-later",
  "AGPL-1.0-only",
  "AGPL-1.0-or-later",
  "AGPL-3.0-only",
  "AGPL-3.0-or-later",
  "SSPL-1.0",
  "OSL-3.0",
  "EUPL-1.1",
  "EUPL-1.2",
  "RPL-1.5",
  "Sleepycat",
  "CPAL-1.0"
];
function leaves(node) {
  if ("license" in node)
    return [
      `${node.license}${node.plus ? "+" : ""}${node.exception ? ` WITH ${node.exception}` : ""}`
    ];
  return [...leaves(node.left), ...leaves(node.right)];
}
function matches2(license, entries) {
  return entries.some((entry) => {
    try {
      return (0, import_spdx_satisfies.default)(license, [entry]);
    } catch {
      return license === entry;
    }
  });
}
function checkLicensePolicy(policy) {
  for (const key of ["deny", "allow"]) {
    (policy[key] ?? []).forEach((entry, index) => {
      let node;
      try {
        node = (0, import_spdx_expression_parse.default)(entry);
      } catch {
        throw new ConfigurationError(
          `licenses.${key}[${index}]: '${entry}' is not an SPDX licence id`
        );
      }
      if (!("license" in node))
        throw new ConfigurationError(
          `licenses.${key}[${index}]: '${entry}' is an expression; list its licences one by one`
        );
    });
  }
}
function judgeLicense(expression, policy) {
  let node;
  try {
    node = (0, import_spdx_expression_parse.default)(expression);
  } catch {
    return { verdict: "unknown", reason: `'${expression}' is not an SPDX licence expression` };
  }
  const deny = policy.deny ?? STRONG_COPYLEFT;
  const ids = [...new Set(leaves(node))];
  const usable = ids.filter(
    (id) => !matches2(id, deny) && (policy.allow === void 0 || matches2(id, policy.allow))
  );
  const satisfiable = () => {
    try {
      return usable.length > 0 && (0, import_spdx_satisfies.default)(expression, usable);
    } catch {
      return false;
    }
  };
  if (satisfiable()) return { verdict: "allowed" };
  const denied = ids.filter((id) => matches2(id, deny));
  return {
    verdict: "denied",
    reason: denied.length ? `${denied.join(", ")} ${denied.length > 1 ? "are" : "is"} denied by the licence policy` : "not in the licence policy allow list"
  };
}
function expressionOf(licenses) {
  if (!Array.isArray(licenses)) return void 0;
  const parts = [];
  for (const choice of licenses) {
    const text3 = typeof choice.expression === "string" ? choice.expression : typeof choice.license?.id === "string" ? choice.license.id : typeof choice.license?.name === "string" ? choice.license.name : void 0;
    if (text3?.trim()) parts.push(text3.trim());
  }
  const unique = [...new Set(parts)];
  return unique.length === 0 ? void 0 : unique.length === 1 ? unique[0] : unique.map((part) => /\s(OR|AND)\s/i.test(part) ? `(${part})` : part).join(" AND ");
}
function pathOf2(properties) {
  if (!Array.isArray(properties)) return void 0;
  for (const property of properties) {
    if (typeof property.name === "string" && typeof property.value === "string" && /(^syft:location:0:path$|:FilePath$)/.test(property.name))
      return property.value.replace(/^\/+/, "");
  }
  return void 0;
}
function licenseFacts(boms) {
  const byKey = /* @__PURE__ */ new Map();
  const visit = (component) => {
    if (typeof component.name === "string") {
      const purl = typeof component.purl === "string" ? component.purl : void 0;
      const version = typeof component.version === "string" ? component.version : void 0;
      const key = purl?.split("?")[0] ?? `${component.name}@${version ?? ""}`;
      const expression = expressionOf(component.licenses);
      const known2 = byKey.get(key);
      if (!known2)
        byKey.set(key, {
          name: component.name,
          version,
          purl,
          expression,
          path: pathOf2(component.properties)
        });
      else {
        known2.expression ??= expression;
        known2.path ??= pathOf2(component.properties);
      }
    }
    if (Array.isArray(component.components))
      for (const child of component.components) visit(child);
  };
  for (const bom of boms)
    if (Array.isArray(bom.components))
      for (const component of bom.components) visit(component);
  return [...byKey.values()];
}
var LICENSE_POLICY_TOOL = "license-policy";
function evaluateLicenses(boms, policy = {}) {
  checkLicensePolicy(policy);
  const severity = policy.severity ?? "medium";
  const facts = licenseFacts(boms);
  const results = [];
  const rules = /* @__PURE__ */ new Map();
  const summary = {
    components: facts.length,
    denied: [],
    unknown: [],
    undeclared: 0,
    deny: policy.deny ?? STRONG_COPYLEFT,
    ...policy.allow ? { allow: policy.allow } : {}
  };
  const verdicts = /* @__PURE__ */ new Map();
  for (const fact of facts) {
    if (!fact.expression) {
      summary.undeclared++;
      continue;
    }
    let verdict2 = verdicts.get(fact.expression);
    if (!verdict2) verdicts.set(fact.expression, verdict2 = judgeLicense(fact.expression, policy));
    if (verdict2.verdict === "allowed") continue;
    const coordinates = `${fact.name}${fact.version ? `@${fact.version}` : ""}`;
    if (verdict2.verdict === "denied")
      summary.denied.push({
        name: fact.name,
        version: fact.version,
        license: fact.expression,
        reason: verdict2.reason
      });
    else summary.unknown.push({ name: fact.name, version: fact.version, license: fact.expression });
    if (verdict2.verdict === "unknown" && policy.unknown === "ignore") continue;
    const ruleId = verdict2.verdict === "denied" ? `license-denied:${fact.expression}` : "license-unknown";
    if (!rules.has(ruleId))
      rules.set(ruleId, {
        id: ruleId,
        shortDescription: {
          text: verdict2.verdict === "denied" ? `Licence ${fact.expression} is not allowed by the licence policy` : "Licence is not a recognised SPDX licence"
        }
      });
    results.push({
      ruleId,
      message: { text: `${coordinates} is licensed '${fact.expression}': ${verdict2.reason}.` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: fact.path ?? "sbom.cdx.json" },
            region: { startLine: 1, snippet: { text: coordinates } }
          }
        }
      ],
      properties: {
        severity,
        tags: ["license", "policy"],
        "scanfold/package": {
          name: fact.name,
          ...fact.version ? { version: fact.version } : {},
          ...fact.purl ? { purl: fact.purl } : {}
        }
      }
    });
  }
  const log = results.length ? {
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "scanfold-license-policy",
            informationUri: "https://spdx.org/licenses/",
            rules: [...rules.values()]
          }
        },
        results
      }
    ]
  } : void 0;
  return { log, summary };
}
function acceptAllowedLicenses(findings, policy = {}) {
  return findings.map((finding) => {
    if (finding.category !== "license" || finding.tools.includes(LICENSE_POLICY_TOOL))
      return finding;
    if (finding.suppressed) return finding;
    const license = finding.ruleId.includes(":") ? finding.ruleId.slice(finding.ruleId.lastIndexOf(":") + 1).trim() : "";
    if (!license || judgeLicense(license, policy).verdict !== "allowed") return finding;
    return {
      ...finding,
      suppressed: true,
      suppression: { source: "policy", reason: `${license} is allowed by the licence policy` }
    };
  });
}

// src/policy/compliance.ts
import { readFile as readFile8 } from "node:fs/promises";
import path26 from "node:path";

// src/policy/data/cwe-top25-2025.json
var cwe_top25_2025_default = {
  id: "cwe-top25-2025",
  name: "CWE Top 25 2025",
  version: "2025",
  source: "2025 CWE Top 25 Most Dangerous Software Weaknesses, MITRE (published December 2025), https://cwe.mitre.org/top25/archive/2025/2025_cwe_top25.html; transcribed by rank. The primary page was not reachable from the build machine: ranks 1-6 were checked against a secondary copy, ranks 7-25 are as transcribed and should be re-checked against the page when it can be reached.",
  license: "CWE Terms of Use (MITRE): free to use, copy and distribute with attribution",
  controls: [
    {
      id: "CWE-79",
      rank: 1,
      title: "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')",
      cwes: ["CWE-79"]
    },
    {
      id: "CWE-89",
      rank: 2,
      title: "Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection')",
      cwes: ["CWE-89"]
    },
    {
      id: "CWE-352",
      rank: 3,
      title: "Cross-Site Request Forgery (CSRF)",
      cwes: ["CWE-352"]
    },
    {
      id: "CWE-862",
      rank: 4,
      title: "Missing Authorization",
      cwes: ["CWE-862"]
    },
    {
      id: "CWE-787",
      rank: 5,
      title: "Out-of-bounds Write",
      cwes: ["CWE-787"]
    },
    {
      id: "CWE-22",
      rank: 6,
      title: "Improper Limitation of a Pathname to a Restricted Directory ('Path Traversal')",
      cwes: ["CWE-22"]
    },
    {
      id: "CWE-416",
      rank: 7,
      title: "Use After Free",
      cwes: ["CWE-416"]
    },
    {
      id: "CWE-125",
      rank: 8,
      title: "Out-of-bounds Read",
      cwes: ["CWE-125"]
    },
    {
      id: "CWE-78",
      rank: 9,
      title: "Improper Neutralization of Special Elements used in an OS Command ('OS Command Injection')",
      cwes: ["CWE-78"]
    },
    {
      id: "CWE-94",
      rank: 10,
      title: "Improper Control of Generation of Code ('Code Injection')",
      cwes: ["CWE-94"]
    },
    {
      id: "CWE-120",
      rank: 11,
      title: "Buffer Copy without Checking Size of Input ('Classic Buffer Overflow')",
      cwes: ["CWE-120"]
    },
    {
      id: "CWE-434",
      rank: 12,
      title: "Unrestricted Upload of File with Dangerous Type",
      cwes: ["CWE-434"]
    },
    {
      id: "CWE-476",
      rank: 13,
      title: "NULL Pointer Dereference",
      cwes: ["CWE-476"]
    },
    {
      id: "CWE-121",
      rank: 14,
      title: "Stack-based Buffer Overflow",
      cwes: ["CWE-121"]
    },
    {
      id: "CWE-502",
      rank: 15,
      title: "Deserialization of Untrusted Data",
      cwes: ["CWE-502"]
    },
    {
      id: "CWE-122",
      rank: 16,
      title: "Heap-based Buffer Overflow",
      cwes: ["CWE-122"]
    },
    {
      id: "CWE-863",
      rank: 17,
      title: "Incorrect Authorization",
      cwes: ["CWE-863"]
    },
    {
      id: "CWE-20",
      rank: 18,
      title: "Improper Input Validation",
      cwes: ["CWE-20"]
    },
    {
      id: "CWE-284",
      rank: 19,
      title: "Improper Access Control",
      cwes: ["CWE-284"]
    },
    {
      id: "CWE-200",
      rank: 20,
      title: "Exposure of Sensitive Information to an Unauthorized Actor",
      cwes: ["CWE-200"]
    },
    {
      id: "CWE-306",
      rank: 21,
      title: "Missing Authentication for Critical Function",
      cwes: ["CWE-306"]
    },
    {
      id: "CWE-918",
      rank: 22,
      title: "Server-Side Request Forgery (SSRF)",
      cwes: ["CWE-918"]
    },
    {
      id: "CWE-77",
      rank: 23,
      title: "Improper Neutralization of Special Elements used in a Command ('Command Injection')",
      cwes: ["CWE-77"]
    },
    {
      id: "CWE-639",
      rank: 24,
      title: "Authorization Bypass Through User-Controlled Key",
      cwes: ["CWE-639"]
    },
    {
      id: "CWE-770",
      rank: 25,
      title: "Allocation of Resources Without Limits or Throttling",
      cwes: ["CWE-770"]
    }
  ]
};

// src/policy/data/owasp-top10-2021.json
var owasp_top10_2021_default = {
  id: "owasp-top10-2021",
  name: "OWASP Top 10 2021",
  version: "2021",
  source: 'OWASP Top 10 2021, "List of Mapped CWEs" of each category: repository OWASP/Top10, 2021/docs/en/A*_2021-*.md, commit 66ebc4798d2ca72973967a20264bdeb70dcf0a13',
  license: "CC-BY-SA-4.0 (OWASP Foundation); the CWE lists are facts transcribed from it",
  controls: [
    {
      id: "A01",
      title: "Broken Access Control",
      cwes: [
        "CWE-22",
        "CWE-23",
        "CWE-35",
        "CWE-59",
        "CWE-200",
        "CWE-201",
        "CWE-219",
        "CWE-264",
        "CWE-275",
        "CWE-276",
        "CWE-284",
        "CWE-285",
        "CWE-352",
        "CWE-359",
        "CWE-377",
        "CWE-402",
        "CWE-425",
        "CWE-441",
        "CWE-497",
        "CWE-538",
        "CWE-540",
        "CWE-548",
        "CWE-552",
        "CWE-566",
        "CWE-601",
        "CWE-639",
        "CWE-651",
        "CWE-668",
        "CWE-706",
        "CWE-862",
        "CWE-863",
        "CWE-913",
        "CWE-922",
        "CWE-1275"
      ]
    },
    {
      id: "A02",
      title: "Cryptographic Failures",
      cwes: [
        "CWE-259",
        "CWE-261",
        "CWE-296",
        "CWE-310",
        "CWE-319",
        "CWE-321",
        "CWE-322",
        "CWE-323",
        "CWE-324",
        "CWE-325",
        "CWE-326",
        "CWE-327",
        "CWE-328",
        "CWE-329",
        "CWE-330",
        "CWE-331",
        "CWE-335",
        "CWE-336",
        "CWE-337",
        "CWE-338",
        "CWE-340",
        "CWE-347",
        "CWE-523",
        "CWE-720",
        "CWE-757",
        "CWE-759",
        "CWE-760",
        "CWE-780",
        "CWE-818",
        "CWE-916"
      ]
    },
    {
      id: "A03",
      title: "Injection",
      cwes: [
        "CWE-20",
        "CWE-74",
        "CWE-75",
        "CWE-77",
        "CWE-78",
        "CWE-79",
        "CWE-80",
        "CWE-83",
        "CWE-87",
        "CWE-88",
        "CWE-89",
        "CWE-90",
        "CWE-91",
        "CWE-93",
        "CWE-94",
        "CWE-95",
        "CWE-96",
        "CWE-97",
        "CWE-98",
        "CWE-99",
        "CWE-100",
        "CWE-113",
        "CWE-116",
        "CWE-138",
        "CWE-184",
        "CWE-470",
        "CWE-471",
        "CWE-564",
        "CWE-610",
        "CWE-643",
        "CWE-644",
        "CWE-652",
        "CWE-917"
      ]
    },
    {
      id: "A04",
      title: "Insecure Design",
      cwes: [
        "CWE-73",
        "CWE-183",
        "CWE-209",
        "CWE-213",
        "CWE-235",
        "CWE-256",
        "CWE-257",
        "CWE-266",
        "CWE-269",
        "CWE-280",
        "CWE-311",
        "CWE-312",
        "CWE-313",
        "CWE-316",
        "CWE-419",
        "CWE-430",
        "CWE-434",
        "CWE-444",
        "CWE-451",
        "CWE-472",
        "CWE-501",
        "CWE-522",
        "CWE-525",
        "CWE-539",
        "CWE-579",
        "CWE-598",
        "CWE-602",
        "CWE-642",
        "CWE-646",
        "CWE-650",
        "CWE-653",
        "CWE-656",
        "CWE-657",
        "CWE-799",
        "CWE-807",
        "CWE-840",
        "CWE-841",
        "CWE-927",
        "CWE-1021",
        "CWE-1173"
      ]
    },
    {
      id: "A05",
      title: "Security Misconfiguration",
      cwes: [
        "CWE-2",
        "CWE-11",
        "CWE-13",
        "CWE-15",
        "CWE-16",
        "CWE-260",
        "CWE-315",
        "CWE-520",
        "CWE-526",
        "CWE-537",
        "CWE-541",
        "CWE-547",
        "CWE-611",
        "CWE-614",
        "CWE-756",
        "CWE-776",
        "CWE-942",
        "CWE-1004",
        "CWE-1032",
        "CWE-1174"
      ]
    },
    {
      id: "A06",
      title: "Vulnerable and Outdated Components",
      cwes: ["CWE-937", "CWE-1035", "CWE-1104"]
    },
    {
      id: "A07",
      title: "Identification and Authentication Failures",
      cwes: [
        "CWE-255",
        "CWE-259",
        "CWE-287",
        "CWE-288",
        "CWE-290",
        "CWE-294",
        "CWE-295",
        "CWE-297",
        "CWE-300",
        "CWE-302",
        "CWE-304",
        "CWE-306",
        "CWE-307",
        "CWE-346",
        "CWE-384",
        "CWE-521",
        "CWE-613",
        "CWE-620",
        "CWE-640",
        "CWE-798",
        "CWE-940",
        "CWE-1216"
      ]
    },
    {
      id: "A08",
      title: "Software and Data Integrity Failures",
      cwes: [
        "CWE-345",
        "CWE-353",
        "CWE-426",
        "CWE-494",
        "CWE-502",
        "CWE-565",
        "CWE-784",
        "CWE-829",
        "CWE-830",
        "CWE-915"
      ]
    },
    {
      id: "A09",
      title: "Security Logging and Monitoring Failures",
      cwes: ["CWE-117", "CWE-223", "CWE-532", "CWE-778"]
    },
    {
      id: "A10",
      title: "Server-Side Request Forgery (SSRF)",
      cwes: ["CWE-918"]
    }
  ],
  categories: {
    vulnerability: "A06",
    iac: "A05"
  }
};

// src/policy/data/owasp-top10-2025.json
var owasp_top10_2025_default = {
  id: "owasp-top10-2025",
  name: "OWASP Top 10 2025",
  version: "2025",
  source: 'OWASP Top 10 2025, "List of Mapped CWEs" of each category: repository OWASP/Top10, 2025/docs/en/A*_2025-*.md, commit 66ebc4798d2ca72973967a20264bdeb70dcf0a13',
  license: "CC-BY-SA-4.0 (OWASP Foundation); the CWE lists are facts transcribed from it",
  controls: [
    {
      id: "A01",
      title: "Broken Access Control",
      cwes: [
        "CWE-22",
        "CWE-23",
        "CWE-36",
        "CWE-59",
        "CWE-61",
        "CWE-65",
        "CWE-200",
        "CWE-201",
        "CWE-219",
        "CWE-276",
        "CWE-281",
        "CWE-282",
        "CWE-283",
        "CWE-284",
        "CWE-285",
        "CWE-352",
        "CWE-359",
        "CWE-377",
        "CWE-379",
        "CWE-402",
        "CWE-424",
        "CWE-425",
        "CWE-441",
        "CWE-497",
        "CWE-538",
        "CWE-540",
        "CWE-548",
        "CWE-552",
        "CWE-566",
        "CWE-601",
        "CWE-615",
        "CWE-639",
        "CWE-668",
        "CWE-732",
        "CWE-749",
        "CWE-862",
        "CWE-863",
        "CWE-918",
        "CWE-922",
        "CWE-1275"
      ]
    },
    {
      id: "A02",
      title: "Security Misconfiguration",
      cwes: [
        "CWE-5",
        "CWE-11",
        "CWE-13",
        "CWE-15",
        "CWE-16",
        "CWE-260",
        "CWE-315",
        "CWE-489",
        "CWE-526",
        "CWE-547",
        "CWE-611",
        "CWE-614",
        "CWE-776",
        "CWE-942",
        "CWE-1004",
        "CWE-1174"
      ]
    },
    {
      id: "A03",
      title: "Software Supply Chain Failures",
      cwes: ["CWE-447", "CWE-1035", "CWE-1104", "CWE-1329", "CWE-1357", "CWE-1395"]
    },
    {
      id: "A04",
      title: "Cryptographic Failures",
      cwes: [
        "CWE-261",
        "CWE-296",
        "CWE-319",
        "CWE-320",
        "CWE-321",
        "CWE-322",
        "CWE-323",
        "CWE-324",
        "CWE-325",
        "CWE-326",
        "CWE-327",
        "CWE-328",
        "CWE-329",
        "CWE-330",
        "CWE-331",
        "CWE-332",
        "CWE-334",
        "CWE-335",
        "CWE-336",
        "CWE-337",
        "CWE-338",
        "CWE-340",
        "CWE-342",
        "CWE-347",
        "CWE-523",
        "CWE-757",
        "CWE-759",
        "CWE-760",
        "CWE-780",
        "CWE-916",
        "CWE-1240",
        "CWE-1241"
      ]
    },
    {
      id: "A05",
      title: "Injection",
      cwes: [
        "CWE-20",
        "CWE-74",
        "CWE-76",
        "CWE-77",
        "CWE-78",
        "CWE-79",
        "CWE-80",
        "CWE-83",
        "CWE-86",
        "CWE-88",
        "CWE-89",
        "CWE-90",
        "CWE-91",
        "CWE-93",
        "CWE-94",
        "CWE-95",
        "CWE-96",
        "CWE-97",
        "CWE-98",
        "CWE-99",
        "CWE-103",
        "CWE-104",
        "CWE-112",
        "CWE-113",
        "CWE-114",
        "CWE-115",
        "CWE-116",
        "CWE-129",
        "CWE-159",
        "CWE-470",
        "CWE-493",
        "CWE-500",
        "CWE-564",
        "CWE-610",
        "CWE-643",
        "CWE-644",
        "CWE-917"
      ]
    },
    {
      id: "A06",
      title: "Insecure Design",
      cwes: [
        "CWE-73",
        "CWE-183",
        "CWE-256",
        "CWE-266",
        "CWE-269",
        "CWE-286",
        "CWE-311",
        "CWE-312",
        "CWE-313",
        "CWE-316",
        "CWE-362",
        "CWE-382",
        "CWE-419",
        "CWE-434",
        "CWE-436",
        "CWE-444",
        "CWE-451",
        "CWE-454",
        "CWE-472",
        "CWE-501",
        "CWE-522",
        "CWE-525",
        "CWE-539",
        "CWE-598",
        "CWE-602",
        "CWE-628",
        "CWE-642",
        "CWE-646",
        "CWE-653",
        "CWE-656",
        "CWE-657",
        "CWE-676",
        "CWE-693",
        "CWE-799",
        "CWE-807",
        "CWE-841",
        "CWE-1021",
        "CWE-1022",
        "CWE-1125"
      ]
    },
    {
      id: "A07",
      title: "Authentication Failures",
      cwes: [
        "CWE-258",
        "CWE-259",
        "CWE-287",
        "CWE-288",
        "CWE-289",
        "CWE-290",
        "CWE-291",
        "CWE-293",
        "CWE-294",
        "CWE-295",
        "CWE-297",
        "CWE-298",
        "CWE-299",
        "CWE-300",
        "CWE-302",
        "CWE-303",
        "CWE-304",
        "CWE-305",
        "CWE-306",
        "CWE-307",
        "CWE-308",
        "CWE-309",
        "CWE-346",
        "CWE-350",
        "CWE-384",
        "CWE-521",
        "CWE-613",
        "CWE-620",
        "CWE-640",
        "CWE-798",
        "CWE-940",
        "CWE-941",
        "CWE-1390",
        "CWE-1391",
        "CWE-1392",
        "CWE-1393"
      ]
    },
    {
      id: "A08",
      title: "Software or Data Integrity Failures",
      cwes: [
        "CWE-345",
        "CWE-353",
        "CWE-426",
        "CWE-427",
        "CWE-494",
        "CWE-502",
        "CWE-506",
        "CWE-509",
        "CWE-565",
        "CWE-784",
        "CWE-829",
        "CWE-830",
        "CWE-915",
        "CWE-926"
      ]
    },
    {
      id: "A09",
      title: "Security Logging and Alerting Failures",
      cwes: ["CWE-117", "CWE-221", "CWE-223", "CWE-532", "CWE-778"]
    },
    {
      id: "A10",
      title: "Mishandling of Exceptional Conditions",
      cwes: [
        "CWE-209",
        "CWE-215",
        "CWE-234",
        "CWE-235",
        "CWE-248",
        "CWE-252",
        "CWE-274",
        "CWE-280",
        "CWE-369",
        "CWE-390",
        "CWE-391",
        "CWE-394",
        "CWE-396",
        "CWE-397",
        "CWE-460",
        "CWE-476",
        "CWE-478",
        "CWE-484",
        "CWE-550",
        "CWE-636",
        "CWE-703",
        "CWE-754",
        "CWE-755",
        "CWE-756"
      ]
    }
  ],
  categories: {
    vulnerability: "A03",
    iac: "A02"
  }
};

// src/policy/data/trivy-compliance.json
var trivy_compliance_default = {
  module: "github.com/aquasecurity/trivy-checks@v1.10.0",
  frameworks: [
    {
      id: "docker-cis-1.6.0",
      name: "CIS Docker Community Edition Benchmark v1.6.0",
      version: "1.6.0",
      source: "Trivy compliance spec docker-cis-1.6.0: github.com/aquasecurity/trivy-checks@v1.10.0, pkg/compliance/docker-cis-1.6.0.yaml",
      license: "Apache-2.0 (Aqua Security); see src/policy/data/NOTICE",
      controls: [
        {
          id: "4.1",
          title: "Ensure a user for the container has been created",
          checks: ["AVD-DS-0002"]
        },
        {
          id: "4.2",
          title: "Ensure that containers use only trusted base images (Manual)",
          checks: []
        },
        {
          id: "4.3",
          title: "Ensure unnecessary packages are not installed in the container (Manual)",
          checks: []
        },
        {
          id: "4.4",
          title: "Ensure images are scanned and rebuilt to include security patches",
          checks: ["VULN-CRITICAL"]
        },
        {
          id: "4.5",
          title: "Ensure Content trust for Docker is Enabled (Manual)",
          checks: []
        },
        {
          id: "4.6",
          title: "Ensure HEALTHCHECK instructions have been added to the container image",
          checks: ["AVD-DS-0026"]
        },
        {
          id: "4.7",
          title: "Ensure update instructions are not used alone in the Dockerfile",
          checks: ["AVD-DS-0017"]
        },
        {
          id: "4.8",
          title: "Ensure setuid and setgid permissions are removed in the images (Manual)",
          checks: []
        },
        {
          id: "4.9",
          title: "Ensure COPY is used instead of ADD",
          checks: ["AVD-DS-0005"]
        },
        {
          id: "4.10",
          title: "Ensure secrets are not stored in Dockerfiles",
          checks: ["SECRET-CRITICAL"]
        },
        {
          id: "4.11",
          title: "Ensure only verified packages are installed (Manual)",
          checks: []
        },
        {
          id: "4.12",
          title: "Ensure all signed artifacts are validated (Manual)",
          checks: []
        }
      ]
    },
    {
      id: "aws-cis-1.2",
      name: "AWS CIS Foundations v1.2",
      version: "1.2",
      source: "Trivy compliance spec aws-cis-1.2: github.com/aquasecurity/trivy-checks@v1.10.0, pkg/compliance/aws-cis-1.2.yaml",
      license: "Apache-2.0 (Aqua Security); see src/policy/data/NOTICE",
      controls: [
        {
          id: "1.1",
          title: "limit-root-account-usage",
          checks: ["AVD-AWS-0140"]
        },
        {
          id: "1.10",
          title: "no-password-reuse",
          checks: ["AVD-AWS-0056"]
        },
        {
          id: "1.11",
          title: "set-max-password-age",
          checks: ["AVD-AWS-0062"]
        },
        {
          id: "1.12",
          title: "no-root-access-keys",
          checks: ["AVD-AWS-0141"]
        },
        {
          id: "1.13",
          title: "enforce-root-mfa",
          checks: ["AVD-AWS-0142"]
        },
        {
          id: "1.16",
          title: "no-user-attached-policies",
          checks: ["AVD-AWS-0143"]
        },
        {
          id: "1.2",
          title: "enforce-user-mfa",
          checks: ["AVD-AWS-0145"]
        },
        {
          id: "1.3",
          title: "disable-unused-credentials",
          checks: ["AVD-AWS-0144"]
        },
        {
          id: "1.4",
          title: "rotate-access-keys",
          checks: ["AVD-AWS-0146"]
        },
        {
          id: "1.5",
          title: "require-uppercase-in-passwords",
          checks: ["AVD-AWS-0061"]
        },
        {
          id: "1.6",
          title: "require-lowercase-in-passwords",
          checks: ["AVD-AWS-0058"]
        },
        {
          id: "1.7",
          title: "require-symbols-in-passwords",
          checks: ["AVD-AWS-0060"]
        },
        {
          id: "1.8",
          title: "require-numbers-in-passwords",
          checks: ["AVD-AWS-0059"]
        },
        {
          id: "1.9",
          title: "set-minimum-password-length",
          checks: ["AVD-AWS-0063"]
        },
        {
          id: "2.3",
          title: "no-public-log-access",
          checks: ["AVD-AWS-0161"]
        },
        {
          id: "2.4",
          title: "ensure-cloudwatch-integration",
          checks: ["AVD-AWS-0162"]
        },
        {
          id: "2.5",
          title: "enable-all-regions",
          checks: ["AVD-AWS-0014"]
        },
        {
          id: "2.6",
          title: "require-bucket-access-logging",
          checks: ["AVD-AWS-0163"]
        },
        {
          id: "3.1",
          title: "require-unauthorised-api-call-alarm",
          checks: ["AVD-AWS-0147"]
        },
        {
          id: "3.10",
          title: "require-sg-change-alarms",
          checks: ["AVD-AWS-0156"]
        },
        {
          id: "3.11",
          title: "require-nacl-changes-alarm",
          checks: ["AVD-AWS-0157"]
        },
        {
          id: "3.12",
          title: "require-network-gateway-changes-alarm",
          checks: ["AVD-AWS-0158"]
        },
        {
          id: "3.13",
          title: "require-network-gateway-changes-alarm",
          checks: ["AVD-AWS-0159"]
        },
        {
          id: "3.14",
          title: "require-vpc-changes-alarm",
          checks: ["AVD-AWS-0160"]
        },
        {
          id: "3.2",
          title: "require-non-mfa-login-alarm",
          checks: ["AVD-AWS-0148"]
        },
        {
          id: "3.3",
          title: "require-root-user-usage-alarm",
          checks: ["AVD-AWS-0149"]
        },
        {
          id: "3.4",
          title: "require-iam-policy-change-alarm",
          checks: ["AVD-AWS-0150"]
        },
        {
          id: "3.5",
          title: "require-cloud-trail-change-alarm",
          checks: ["AVD-AWS-0151"]
        },
        {
          id: "3.6",
          title: "require-console-login-failures-alarm",
          checks: ["AVD-AWS-0152"]
        },
        {
          id: "3.7",
          title: "require-cmk-disabled-alarm",
          checks: ["AVD-AWS-0153"]
        },
        {
          id: "3.8",
          title: "require-s3-bucket-policy-change-alarm",
          checks: ["AVD-AWS-0154"]
        },
        {
          id: "3.9",
          title: "require-config-configuration-changes-alarm",
          checks: ["AVD-AWS-0155"]
        },
        {
          id: "4.1",
          title: "no-public-ingress-sgr",
          checks: ["AVD-AWS-0107"]
        },
        {
          id: "4.2",
          title: "no-public-ingress-sgr",
          checks: ["AVD-AWS-0107"]
        }
      ]
    },
    {
      id: "aws-cis-1.4",
      name: "AWS CIS Foundations v1.4",
      version: "1.4",
      source: "Trivy compliance spec aws-cis-1.4: github.com/aquasecurity/trivy-checks@v1.10.0, pkg/compliance/aws-cis-1.4.yaml",
      license: "Apache-2.0 (Aqua Security); see src/policy/data/NOTICE",
      controls: [
        {
          id: "2.1.3",
          title: "require-mfa-delete",
          checks: ["AVD-AWS-0170"]
        },
        {
          id: "1.12",
          title: "disable-unused-credentials-45-days",
          checks: ["AVD-AWS-0166"]
        },
        {
          id: "1.13",
          title: "limit-user-access-keys",
          checks: ["AVD-AWS-0167"]
        },
        {
          id: "1.14",
          title: "rotate-access-keys",
          checks: ["AVD-AWS-0146"]
        },
        {
          id: "1.15",
          title: "no-user-attached-policies",
          checks: ["AVD-AWS-0143"]
        },
        {
          id: "1.16",
          title: "no-policy-wildcards",
          checks: ["AVD-AWS-0057"]
        },
        {
          id: "1.17",
          title: "require-support-role",
          checks: ["AVD-AWS-0169"]
        },
        {
          id: "1.19",
          title: "remove-expired-certificates",
          checks: ["AVD-AWS-0168"]
        },
        {
          id: "1.20",
          title: "enable-access-analyzer",
          checks: ["AVD-AWS-0175"]
        },
        {
          id: "1.4",
          title: "enforce-user-mfa",
          checks: ["AVD-AWS-0145"]
        },
        {
          id: "1.4",
          title: "no-root-access-keys",
          checks: ["AVD-AWS-0141"]
        },
        {
          id: "1.5",
          title: "enforce-root-mfa",
          checks: ["AVD-AWS-0142"]
        },
        {
          id: "1.6",
          title: "enforce-root-hardware-mfa",
          checks: ["AVD-AWS-0165"]
        },
        {
          id: "1.7",
          title: "limit-root-account-usage",
          checks: ["AVD-AWS-0140"]
        },
        {
          id: "1.8",
          title: "set-minimum-password-length",
          checks: ["AVD-AWS-0063"]
        },
        {
          id: "1.9",
          title: "no-password-reuse",
          checks: ["AVD-AWS-0056"]
        },
        {
          id: "3.10",
          title: "enable-object-write-logging",
          checks: ["AVD-AWS-0171"]
        },
        {
          id: "3.11",
          title: "enable-object-read-logging",
          checks: ["AVD-AWS-0172"]
        },
        {
          id: "3.3",
          title: "no-public-log-access",
          checks: ["AVD-AWS-0161"]
        },
        {
          id: "3.4",
          title: "ensure-cloudwatch-integration",
          checks: ["AVD-AWS-0162"]
        },
        {
          id: "3.6",
          title: "require-bucket-access-logging",
          checks: ["AVD-AWS-0163"]
        },
        {
          id: "4.10",
          title: "require-sg-change-alarms",
          checks: ["AVD-AWS-0156"]
        },
        {
          id: "4.1",
          title: "require-unauthorised-api-call-alarm",
          checks: ["AVD-AWS-0147"]
        },
        {
          id: "4.11",
          title: "require-nacl-changes-alarm",
          checks: ["AVD-AWS-0157"]
        },
        {
          id: "4.12",
          title: "require-network-gateway-changes-alarm",
          checks: ["AVD-AWS-0158"]
        },
        {
          id: "4.13",
          title: "require-network-gateway-changes-alarm",
          checks: ["AVD-AWS-0159"]
        },
        {
          id: "4.14",
          title: "require-vpc-changes-alarm",
          checks: ["AVD-AWS-0160"]
        },
        {
          id: "4.15",
          title: "require-org-changes-alarm",
          checks: ["AVD-AWS-0174"]
        },
        {
          id: "4.2",
          title: "require-non-mfa-login-alarm",
          checks: ["AVD-AWS-0148"]
        },
        {
          id: "4.3",
          title: "require-root-user-usage-alarm",
          checks: ["AVD-AWS-0149"]
        },
        {
          id: "4.4",
          title: "require-iam-policy-change-alarm",
          checks: ["AVD-AWS-0150"]
        },
        {
          id: "4.5",
          title: "require-cloud-trail-change-alarm",
          checks: ["AVD-AWS-0151"]
        },
        {
          id: "4.6",
          title: "require-console-login-failures-alarm",
          checks: ["AVD-AWS-0152"]
        },
        {
          id: "4.7",
          title: "require-cmk-disabled-alarm",
          checks: ["AVD-AWS-0153"]
        },
        {
          id: "4.8",
          title: "require-s3-bucket-policy-change-alarm",
          checks: ["AVD-AWS-0154"]
        },
        {
          id: "4.9",
          title: "require-config-configuration-changes-alarm",
          checks: ["AVD-AWS-0155"]
        },
        {
          id: "5.1",
          title: "aws-vpc-no-public-ingress-acl",
          checks: ["AVD-AWS-0105"]
        },
        {
          id: "5.3",
          title: "restrict-all-in-default-sg",
          checks: ["AVD-AWS-0173"]
        }
      ]
    },
    {
      id: "k8s-cis-1.23",
      name: "CIS Kubernetes Benchmarks v1.23",
      version: "1.23",
      source: "Trivy compliance spec k8s-cis-1.23: github.com/aquasecurity/trivy-checks@v1.10.0, pkg/compliance/k8s-cis-1.23.yaml",
      license: "Apache-2.0 (Aqua Security); see src/policy/data/NOTICE",
      controls: [
        {
          id: "1.1.1",
          title: "Ensure that the API server pod specification file permissions are set to 600 or more restrictive",
          checks: ["AVD-KCV-0048"]
        },
        {
          id: "1.1.2",
          title: "Ensure that the API server pod specification file ownership is set to root:root",
          checks: ["AVD-KCV-0049"]
        },
        {
          id: "1.1.3",
          title: "Ensure that the controller manager pod specification file permissions are set to 600 or more restrictive",
          checks: ["AVD-KCV-0050"]
        },
        {
          id: "1.1.4",
          title: "Ensure that the controller manager pod specification file ownership is set to root:root",
          checks: ["AVD-KCV-0051"]
        },
        {
          id: "1.1.5",
          title: "Ensure that the scheduler pod specification file permissions are set to 600 or more restrictive",
          checks: ["AVD-KCV-0052"]
        },
        {
          id: "1.1.6",
          title: "Ensure that the scheduler pod specification file ownership is set to root:root",
          checks: ["AVD-KCV-0053"]
        },
        {
          id: "1.1.7",
          title: "Ensure that the etcd pod specification file permissions are set to 600 or more restrictive",
          checks: ["AVD-KCV-0054"]
        },
        {
          id: "1.1.8",
          title: "Ensure that the etcd pod specification file ownership is set to root:root",
          checks: ["AVD-KCV-0055"]
        },
        {
          id: "1.1.9",
          title: "Ensure that the Container Network Interface file permissions are set to 600 or more restrictive",
          checks: ["AVD-KCV-0056"]
        },
        {
          id: "1.1.10",
          title: "Ensure that the Container Network Interface file ownership is set to root:root",
          checks: ["AVD-KCV-0057"]
        },
        {
          id: "1.1.11",
          title: "Ensure that the etcd data directory permissions are set to 700 or more restrictive",
          checks: ["AVD-KCV-0058"]
        },
        {
          id: "1.1.12",
          title: "Ensure that the etcd data directory ownership is set to etcd:etcd",
          checks: ["AVD-KCV-0059"]
        },
        {
          id: "1.1.13",
          title: "Ensure that the admin.conf file permissions are set to 600",
          checks: ["AVD-KCV-0060"]
        },
        {
          id: "1.1.14",
          title: "Ensure that the admin.conf file ownership is set to root:root",
          checks: ["AVD-KCV-0061"]
        },
        {
          id: "1.1.15",
          title: "Ensure that the scheduler.conf file permissions are set to 600 or more restrictive",
          checks: ["AVD-KCV-0062"]
        },
        {
          id: "1.1.16",
          title: "Ensure that the scheduler.conf file ownership is set to root:root",
          checks: ["AVD-KCV-0063"]
        },
        {
          id: "1.1.17",
          title: "Ensure that the controller-manager.conf file permissions are set to 600 or more restrictive",
          checks: ["AVD-KCV-0064"]
        },
        {
          id: "1.1.18",
          title: "Ensure that the controller-manager.conf file ownership is set to root:root",
          checks: ["AVD-KCV-0065"]
        },
        {
          id: "1.1.19",
          title: "Ensure that the Kubernetes PKI directory and file ownership is set to root:root",
          checks: ["AVD-KCV-0066"]
        },
        {
          id: "1.1.20",
          title: "Ensure that the Kubernetes PKI certificate file permissions are set to 600 or more restrictive",
          checks: ["AVD-KCV-0068"]
        },
        {
          id: "1.1.21",
          title: "Ensure that the Kubernetes PKI key file permissions are set to 600",
          checks: ["AVD-KCV-0067"]
        },
        {
          id: "1.2.1",
          title: "Ensure that the --anonymous-auth argument is set to false",
          checks: ["AVD-KCV-0001"]
        },
        {
          id: "1.2.2",
          title: "Ensure that the --token-auth-file parameter is not set",
          checks: ["AVD-KCV-0002"]
        },
        {
          id: "1.2.3",
          title: "Ensure that the --DenyServiceExternalIPs is not set",
          checks: ["AVD-KCV-0003"]
        },
        {
          id: "1.2.4",
          title: "Ensure that the --kubelet-https argument is set to true",
          checks: ["AVD-KCV-0004"]
        },
        {
          id: "1.2.5",
          title: "Ensure that the --kubelet-client-certificate and --kubelet-client-key arguments are set as appropriate",
          checks: ["AVD-KCV-0005"]
        },
        {
          id: "1.2.6",
          title: "Ensure that the --kubelet-certificate-authority argument is set as appropriate",
          checks: ["AVD-KCV-0006"]
        },
        {
          id: "1.2.7",
          title: "Ensure that the --authorization-mode argument is not set to AlwaysAllow",
          checks: ["AVD-KCV-0007"]
        },
        {
          id: "1.2.8",
          title: "Ensure that the --authorization-mode argument includes Node",
          checks: ["AVD-KCV-0008"]
        },
        {
          id: "1.2.9",
          title: "Ensure that the --authorization-mode argument includes RBAC",
          checks: ["AVD-KCV-0009"]
        },
        {
          id: "1.2.10",
          title: "Ensure that the admission control plugin EventRateLimit is set",
          checks: ["AVD-KCV-0010"]
        },
        {
          id: "1.2.11",
          title: "Ensure that the admission control plugin AlwaysAdmit is not set",
          checks: ["AVD-KCV-0011"]
        },
        {
          id: "1.2.12",
          title: "Ensure that the admission control plugin AlwaysPullImages is set",
          checks: ["AVD-KCV-0012"]
        },
        {
          id: "1.2.13",
          title: "Ensure that the admission control plugin SecurityContextDeny is set if PodSecurityPolicy is not used",
          checks: ["AVD-KCV-0013"]
        },
        {
          id: "1.2.14",
          title: "Ensure that the admission control plugin ServiceAccount is set",
          checks: ["AVD-KCV-0014"]
        },
        {
          id: "1.2.15",
          title: "Ensure that the admission control plugin NamespaceLifecycle is set",
          checks: ["AVD-KCV-0015"]
        },
        {
          id: "1.2.16",
          title: "Ensure that the admission control plugin NodeRestriction is set",
          checks: ["AVD-KCV-0016"]
        },
        {
          id: "1.2.17",
          title: "Ensure that the --secure-port argument is not set to 0",
          checks: ["AVD-KCV-0017"]
        },
        {
          id: "1.2.18",
          title: "Ensure that the --profiling argument is set to false",
          checks: ["AVD-KCV-0018"]
        },
        {
          id: "1.2.19",
          title: "Ensure that the --audit-log-path argument is set",
          checks: ["AVD-KCV-0019"]
        },
        {
          id: "1.2.20",
          title: "Ensure that the --audit-log-maxage argument is set to 30 or as appropriate",
          checks: ["AVD-KCV-0020"]
        },
        {
          id: "1.2.21",
          title: "Ensure that the --audit-log-maxbackup argument is set to 10 or as appropriate",
          checks: ["AVD-KCV-0021"]
        },
        {
          id: "1.2.22",
          title: "Ensure that the --audit-log-maxsize argument is set to 100 or as appropriate",
          checks: ["AVD-KCV-0022"]
        },
        {
          id: "1.2.24",
          title: "Ensure that the --service-account-lookup argument is set to true",
          checks: ["AVD-KCV-0024"]
        },
        {
          id: "1.2.25",
          title: "Ensure that the --service-account-key-file argument is set as appropriate",
          checks: ["AVD-KCV-0025"]
        },
        {
          id: "1.2.26",
          title: "Ensure that the --etcd-certfile and --etcd-keyfile arguments are set as appropriate",
          checks: ["AVD-KCV-0026"]
        },
        {
          id: "1.2.27",
          title: "Ensure that the --tls-cert-file and --tls-private-key-file arguments are set as appropriate",
          checks: ["AVD-KCV-0027"]
        },
        {
          id: "1.2.28",
          title: "Ensure that the --client-ca-file argument is set appropriate",
          checks: ["AVD-KCV-0028"]
        },
        {
          id: "1.2.29",
          title: "Ensure that the --etcd-cafile argument is set as appropriate",
          checks: ["AVD-KCV-0029"]
        },
        {
          id: "1.2.30",
          title: "Ensure that the --encryption-provider-config argument is set as appropriate",
          checks: ["AVD-KCV-0030"]
        },
        {
          id: "1.3.1",
          title: "Ensure that the --terminated-pod-gc-threshold argument is set as appropriate",
          checks: ["AVD-KCV-0033"]
        },
        {
          id: "1.3.3",
          title: "Ensure that the --use-service-account-credentials argument is set to true",
          checks: ["AVD-KCV-0035"]
        },
        {
          id: "1.3.4",
          title: "Ensure that the --service-account-private-key-file argument is set as appropriate",
          checks: ["AVD-KCV-0036"]
        },
        {
          id: "1.3.5",
          title: "Ensure that the --root-ca-file argument is set as appropriate",
          checks: ["AVD-KCV-0037"]
        },
        {
          id: "1.3.6",
          title: "Ensure that the RotateKubeletServerCertificate argument is set to true",
          checks: ["AVD-KCV-0038"]
        },
        {
          id: "1.3.7",
          title: "Ensure that the --bind-address argument is set to 127.0.0.1",
          checks: ["AVD-KCV-0039"]
        },
        {
          id: "1.4.1",
          title: "Ensure that the --profiling argument is set to false",
          checks: ["AVD-KCV-0034"]
        },
        {
          id: "1.4.2",
          title: "Ensure that the --bind-address argument is set to 127.0.0.1",
          checks: ["AVD-KCV-0041"]
        },
        {
          id: "2.1",
          title: "Ensure that the --cert-file and --key-file arguments are set as appropriate",
          checks: ["AVD-KCV-0042"]
        },
        {
          id: "2.2",
          title: "Ensure that the --client-cert-auth argument is set to true",
          checks: ["AVD-KCV-0043"]
        },
        {
          id: "2.3",
          title: "Ensure that the --auto-tls argument is not set to true",
          checks: ["AVD-KCV-0044"]
        },
        {
          id: "2.4",
          title: "Ensure that the --peer-cert-file and --peer-key-file arguments are set as appropriate",
          checks: ["AVD-KCV-0045"]
        },
        {
          id: "2.5",
          title: "Ensure that the --peer-client-cert-auth argument is set to true",
          checks: ["AVD-KCV-0046"]
        },
        {
          id: "2.6",
          title: "Ensure that the --peer-auto-tls argument is not set to true",
          checks: ["AVD-KCV-0047"]
        },
        {
          id: "3.1.1",
          title: "Client certificate authentication should not be used for users (Manual)",
          checks: []
        },
        {
          id: "3.2.1",
          title: "Ensure that a minimal audit policy is created (Manual)",
          checks: []
        },
        {
          id: "3.2.2",
          title: "Ensure that the audit policy covers key security concerns (Manual)",
          checks: []
        },
        {
          id: "4.1.1",
          title: "Ensure that the kubelet service file permissions are set to 600 or more restrictive",
          checks: ["AVD-KCV-0069"]
        },
        {
          id: "4.1.2",
          title: "Ensure that the kubelet service file ownership is set to root:root",
          checks: ["AVD-KCV-0070"]
        },
        {
          id: "4.1.3",
          title: "If proxy kubeconfig file exists ensure permissions are set to 600 or more restrictive",
          checks: ["AVD-KCV-0071"]
        },
        {
          id: "4.1.4",
          title: "If proxy kubeconfig file exists ensure ownership is set to root:root",
          checks: ["AVD-KCV-0072"]
        },
        {
          id: "4.1.5",
          title: "Ensure that the --kubeconfig kubelet.conf file permissions are set to 600 or more restrictive",
          checks: ["AVD-KCV-0073"]
        },
        {
          id: "4.1.6",
          title: "Ensure that the --kubeconfig kubelet.conf file ownership is set to root:root",
          checks: ["AVD-KCV-0074"]
        },
        {
          id: "4.1.7",
          title: "Ensure that the certificate authorities file permissions are set to 600 or more restrictive",
          checks: ["AVD-KCV-0075"]
        },
        {
          id: "4.1.8",
          title: "Ensure that the client certificate authorities file ownership is set to root:root",
          checks: ["AVD-KCV-0076"]
        },
        {
          id: "4.1.9",
          title: "If the kubelet config.yaml configuration file is being used validate permissions set to 600 or more restrictive",
          checks: ["AVD-KCV-0077"]
        },
        {
          id: "4.1.10",
          title: "If the kubelet config.yaml configuration file is being used validate file ownership is set to root:root",
          checks: ["AVD-KCV-0078"]
        },
        {
          id: "4.2.1",
          title: "Ensure that the --anonymous-auth argument is set to false",
          checks: ["AVD-KCV-0079"]
        },
        {
          id: "4.2.2",
          title: "Ensure that the --authorization-mode argument is not set to AlwaysAllow",
          checks: ["AVD-KCV-0080"]
        },
        {
          id: "4.2.3",
          title: "Ensure that the --client-ca-file argument is set as appropriate",
          checks: ["AVD-KCV-0081"]
        },
        {
          id: "4.2.4",
          title: "Verify that the --read-only-port argument is set to 0",
          checks: ["AVD-KCV-0082"]
        },
        {
          id: "4.2.5",
          title: "Ensure that the --streaming-connection-idle-timeout argument is not set to 0",
          checks: ["AVD-KCV-0085"]
        },
        {
          id: "4.2.6",
          title: "Ensure that the --protect-kernel-defaults argument is set to true",
          checks: ["AVD-KCV-0083"]
        },
        {
          id: "4.2.7",
          title: "Ensure that the --make-iptables-util-chains argument is set to true",
          checks: ["AVD-KCV-0084"]
        },
        {
          id: "4.2.8",
          title: "Ensure that the --hostname-override argument is not set",
          checks: ["AVD-KCV-0086"]
        },
        {
          id: "4.2.9",
          title: "Ensure that the --event-qps argument is set to 0 or a level which ensures appropriate event capture",
          checks: ["AVD-KCV-0087"]
        },
        {
          id: "4.2.10",
          title: "Ensure that the --tls-cert-file and --tls-private-key-file arguments are set as appropriate",
          checks: ["AVD-KCV-0088", "AVD-KCV-0089"]
        },
        {
          id: "4.2.11",
          title: "Ensure that the --rotate-certificates argument is not set to false",
          checks: ["AVD-KCV-0090"]
        },
        {
          id: "4.2.12",
          title: "Verify that the RotateKubeletServerCertificate argument is set to true",
          checks: ["AVD-KCV-0091"]
        },
        {
          id: "4.2.13",
          title: "Ensure that the Kubelet only makes use of Strong Cryptographic Ciphers",
          checks: ["AVD-KCV-0092"]
        },
        {
          id: "5.1.1",
          title: "Ensure that the cluster-admin role is only used where required",
          checks: ["AVD-KSV-0111"]
        },
        {
          id: "5.1.2",
          title: "Minimize access to secrets",
          checks: ["AVD-KSV-0041"]
        },
        {
          id: "5.1.3",
          title: "Minimize wildcard use in Roles and ClusterRoles",
          checks: ["AVD-KSV-0044", "AVD-KSV-0045", "AVD-KSV-0046"]
        },
        {
          id: "5.1.6",
          title: "Ensure that Service Account Tokens are only mounted where necessary",
          checks: ["AVD-KSV-0036"]
        },
        {
          id: "5.1.8",
          title: "Limit use of the Bind, Impersonate and Escalate permissions in the Kubernetes cluster",
          checks: ["AVD-KSV-0043"]
        },
        {
          id: "5.2.2",
          title: "Minimize the admission of privileged containers",
          checks: ["AVD-KSV-0017"]
        },
        {
          id: "5.2.3",
          title: "Minimize the admission of containers wishing to share the host process ID namespace",
          checks: ["AVD-KSV-0010"]
        },
        {
          id: "5.2.4",
          title: "Minimize the admission of containers wishing to share the host IPC namespace",
          checks: ["AVD-KSV-0008"]
        },
        {
          id: "5.2.5",
          title: "Minimize the admission of containers wishing to share the host network namespace",
          checks: ["AVD-KSV-0009"]
        },
        {
          id: "5.2.6",
          title: "Minimize the admission of containers with allowPrivilegeEscalation",
          checks: ["AVD-KSV-0001"]
        },
        {
          id: "5.2.7",
          title: "Minimize the admission of root containers",
          checks: ["AVD-KSV-0012"]
        },
        {
          id: "5.2.8",
          title: "Minimize the admission of containers with the NET_RAW capability",
          checks: ["AVD-KSV-0022"]
        },
        {
          id: "5.2.9",
          title: "Minimize the admission of containers with added capabilities",
          checks: ["AVD-KSV-0004"]
        },
        {
          id: "5.2.10",
          title: "Minimize the admission of containers with capabilities assigned",
          checks: ["AVD-KSV-0003"]
        },
        {
          id: "5.2.11",
          title: "Minimize the admission of containers with capabilities assigned",
          checks: ["AVD-KSV-0103"]
        },
        {
          id: "5.2.12",
          title: "Minimize the admission of HostPath volumes",
          checks: ["AVD-KSV-0023"]
        },
        {
          id: "5.2.13",
          title: "Minimize the admission of containers which use HostPorts",
          checks: ["AVD-KSV-0024"]
        },
        {
          id: "5.3.1",
          title: "Ensure that the CNI in use supports Network Policies (Manual)",
          checks: []
        },
        {
          id: "5.3.2",
          title: "Ensure that all Namespaces have Network Policies defined",
          checks: ["AVD-KSV-0038"]
        },
        {
          id: "5.4.1",
          title: "Prefer using secrets as files over secrets as environment variables (Manual)",
          checks: []
        },
        {
          id: "5.4.2",
          title: "Consider external secret storage (Manual)",
          checks: []
        },
        {
          id: "5.5.1",
          title: "Configure Image Provenance using ImagePolicyWebhook admission controller (Manual)",
          checks: []
        },
        {
          id: "5.7.1",
          title: "Create administrative boundaries between resources using namespaces (Manual)",
          checks: []
        },
        {
          id: "5.7.2",
          title: "Ensure that the seccomp profile is set to docker/default in your pod definitions",
          checks: ["AVD-KSV-0104"]
        },
        {
          id: "5.7.3",
          title: "Apply Security Context to Your Pods and Containers",
          checks: [
            "AVD-KSV-0021",
            "AVD-KSV-0020",
            "AVD-KSV-0005",
            "AVD-KSV-0025",
            "AVD-KSV-0104",
            "AVD-KSV-0030"
          ]
        },
        {
          id: "5.7.4",
          title: "The default namespace should not be used",
          checks: ["AVD-KSV-0110"]
        }
      ]
    },
    {
      id: "k8s-pss-baseline-0.1",
      name: "Kubernetes Pod Security Standards - Baseline",
      version: "0.1",
      source: "Trivy compliance spec k8s-pss-baseline-0.1: github.com/aquasecurity/trivy-checks@v1.10.0, pkg/compliance/k8s-pss-baseline-0.1.yaml",
      license: "Apache-2.0 (Aqua Security); see src/policy/data/NOTICE",
      controls: [
        {
          id: "1",
          title: "HostProcess",
          checks: ["AVD-KSV-0103"]
        },
        {
          id: "2",
          title: "Host Namespaces",
          checks: ["AVD-KSV-0008"]
        },
        {
          id: "3",
          title: "Privileged Containers",
          checks: ["AVD-KSV-0017"]
        },
        {
          id: "4",
          title: "Capabilities",
          checks: ["AVD-KSV-0022"]
        },
        {
          id: "5",
          title: "HostPath Volumes",
          checks: ["AVD-KSV-0023"]
        },
        {
          id: "6",
          title: "host ports",
          checks: ["avd-ksv-0024"]
        },
        {
          id: "7",
          title: "AppArmor",
          checks: ["avd-ksv-0002"]
        },
        {
          id: "8",
          title: "SELinux",
          checks: ["avd-ksv-0025"]
        },
        {
          id: "9",
          title: "/proc Mount Type",
          checks: ["avd-ksv-0027"]
        },
        {
          id: "10",
          title: "Seccomp",
          checks: ["avd-ksv-0104"]
        },
        {
          id: "11",
          title: "Sysctls",
          checks: ["avd-ksv-0026"]
        }
      ]
    },
    {
      id: "k8s-pss-restricted-0.1",
      name: "Kubernetes Pod Security Standards - Restricted",
      version: "0.1",
      source: "Trivy compliance spec k8s-pss-restricted-0.1: github.com/aquasecurity/trivy-checks@v1.10.0, pkg/compliance/k8s-pss-restricted-0.1.yaml",
      license: "Apache-2.0 (Aqua Security); see src/policy/data/NOTICE",
      controls: [
        {
          id: "1",
          title: "HostProcess",
          checks: ["AVD-KSV-0103"]
        },
        {
          id: "2",
          title: "Host Namespaces",
          checks: ["AVD-KSV-0008"]
        },
        {
          id: "3",
          title: "Privileged Containers",
          checks: ["AVD-KSV-0017"]
        },
        {
          id: "4",
          title: "Capabilities",
          checks: ["AVD-KSV-0022"]
        },
        {
          id: "5",
          title: "HostPath Volumes",
          checks: ["AVD-KSV-0023"]
        },
        {
          id: "6",
          title: "host ports",
          checks: ["avd-ksv-0024"]
        },
        {
          id: "7",
          title: "AppArmor",
          checks: ["avd-ksv-0002"]
        },
        {
          id: "8",
          title: "SELinux",
          checks: ["avd-ksv-0025"]
        },
        {
          id: "9",
          title: "/proc Mount Type",
          checks: ["avd-ksv-0027"]
        },
        {
          id: "10",
          title: "Seccomp",
          checks: ["avd-ksv-0104"]
        },
        {
          id: "11",
          title: "Sysctls",
          checks: ["avd-ksv-0026"]
        },
        {
          id: "12",
          title: "Volume Types",
          checks: ["avd-ksv-0028"]
        },
        {
          id: "13",
          title: "Privilege Escalation",
          checks: ["avd-ksv-0001"]
        },
        {
          id: "14",
          title: "Running as Non-root",
          checks: ["avd-ksv-0012"]
        },
        {
          id: "15",
          title: "Running as Non-root user",
          checks: ["avd-ksv-0105"]
        },
        {
          id: "16",
          title: "Seccomp",
          checks: ["avd-ksv-0030"]
        },
        {
          id: "17",
          title: "Capabilities",
          checks: ["avd-ksv-0106"]
        }
      ]
    },
    {
      id: "k8s-nsa-1.0",
      name: "National Security Agency - Kubernetes Hardening Guidance v1.0",
      version: "1.0",
      source: "Trivy compliance spec k8s-nsa-1.0: github.com/aquasecurity/trivy-checks@v1.10.0, pkg/compliance/k8s-nsa-1.0.yaml",
      license: "Apache-2.0 (Aqua Security); see src/policy/data/NOTICE",
      controls: [
        {
          id: "1.0",
          title: "Non-root containers",
          checks: ["AVD-KSV-0012"]
        },
        {
          id: "1.1",
          title: "Immutable container file systems",
          checks: ["AVD-KSV-0014"]
        },
        {
          id: "1.2",
          title: "Preventing privileged containers",
          checks: ["AVD-KSV-0017"]
        },
        {
          id: "1.3",
          title: "Share containers process namespaces",
          checks: ["AVD-KSV-0008"]
        },
        {
          id: "1.4",
          title: "Share host process namespaces",
          checks: ["AVD-KSV-0009"]
        },
        {
          id: "1.5",
          title: "Use the host network",
          checks: ["AVD-KSV-0010"]
        },
        {
          id: "1.6",
          title: "Run with root privileges or with root group membership",
          checks: ["AVD-KSV-0029"]
        },
        {
          id: "1.7",
          title: "Restricts escalation to root privileges",
          checks: ["AVD-KSV-0001"]
        },
        {
          id: "1.8",
          title: "Sets the SELinux context of the container",
          checks: ["AVD-KSV-0002"]
        },
        {
          id: "1.9",
          title: "Restrict a container's access to resources with AppArmor",
          checks: ["AVD-KSV-0030"]
        },
        {
          id: "1.10",
          title: "Sets the seccomp profile used to sandbox containers.",
          checks: ["AVD-KSV-0030"]
        },
        {
          id: "1.11",
          title: "Protecting Pod service account tokens",
          checks: ["AVD-KSV-0036"]
        },
        {
          id: "1.12",
          title: "Namespace kube-system should not be used by users",
          checks: ["AVD-KSV-0037"]
        },
        {
          id: "2.0",
          title: "Pod and/or namespace Selectors usage",
          checks: ["AVD-KSV-0038"]
        },
        {
          id: "3.0",
          title: "Use CNI plugin that supports NetworkPolicy API (Manual)",
          checks: []
        },
        {
          id: "4.0",
          title: "Use ResourceQuota policies to limit resources",
          checks: ["AVD-KSV-0040"]
        },
        {
          id: "4.1",
          title: "Use LimitRange policies to limit resources",
          checks: ["AVD-KSV-0039"]
        },
        {
          id: "5.0",
          title: "Control plan disable insecure port (Manual)",
          checks: []
        },
        {
          id: "5.1",
          title: "Encrypt etcd communication",
          checks: ["AVD-KCV-0030"]
        },
        {
          id: "6.0",
          title: "Ensure kube config file permission (Manual)",
          checks: []
        },
        {
          id: "6.1",
          title: "Check that encryption resource has been set",
          checks: ["AVD-KCV-0029"]
        },
        {
          id: "6.2",
          title: "Check encryption provider",
          checks: ["AVD-KCV-0004"]
        },
        {
          id: "7.0",
          title: "Make sure anonymous-auth is unset",
          checks: ["AVD-KCV-0001"]
        },
        {
          id: "7.1",
          title: "Make sure -authorization-mode=RBAC",
          checks: ["AVD-KCV-0008"]
        },
        {
          id: "8.0",
          title: "Audit policy is configure (Manual)",
          checks: []
        },
        {
          id: "8.1",
          title: "Audit log path is configure",
          checks: ["AVD-KCV-0019"]
        },
        {
          id: "8.2",
          title: "Audit log aging",
          checks: ["AVD-KCV-0020"]
        }
      ]
    }
  ]
};

// src/policy/compliance.ts
var iacIntent = (tool, ruleId) => TOOL_KNOWLEDGE.iacIntent(tool, ruleId);
var CWE_FRAMEWORKS = [owasp_top10_2021_default, owasp_top10_2025_default, cwe_top25_2025_default];
var SECRET_CWE = "CWE-798";
function cwesOf2(finding) {
  return finding.category === "secret" ? [.../* @__PURE__ */ new Set([...finding.cwe, SECRET_CWE])] : finding.cwe;
}
function trivyChecksOf(finding) {
  const checks = /* @__PURE__ */ new Set();
  for (const source of finding.sources) {
    const check = source.tool === "trivy" ? normalizeTrivyCheckId(source.ruleId) : iacIntent(source.tool, source.ruleId);
    if (check) checks.add(check);
  }
  return checks;
}
var DOCKERFILE = /(^|\/)([^/]*\.)?dockerfile(\.[^/]*)?$/i;
var SPECIAL_CHECKS = ["SECRET-CRITICAL"];
function specialCheckMatches(check, finding) {
  if (check === "SECRET-CRITICAL")
    return finding.category === "secret" && DOCKERFILE.test(finding.location.path);
  return false;
}
async function passedChecksFrom(outputDir, scanners) {
  const passed = /* @__PURE__ */ new Set();
  for (const scanner of scanners) {
    const adapter = adapterNamed(scanner.name);
    if (!adapter?.passedChecks || scanner.status !== "ok") continue;
    for (const output of scanner.outputs.filter((file) => file.endsWith(".json"))) {
      let data;
      try {
        data = JSON.parse(await readFile8(path26.join(outputDir, output), "utf8"));
      } catch {
        continue;
      }
      for (const check of adapter.passedChecks(data)) {
        const intent = adapter.iac?.intentOf(check.checkId);
        if (intent) passed.add(intent);
      }
    }
  }
  return passed;
}
function byControlId(a, b) {
  return a.id.localeCompare(b.id, "en", { numeric: true });
}
function frameworkResult(framework, controls) {
  const { id, name, version, source, license } = framework;
  return { id, name, version, source, license, controls };
}
function mapCompliance(findings, passedChecks = /* @__PURE__ */ new Set()) {
  const byFinding = /* @__PURE__ */ new Map();
  const counted = findings.filter((finding) => !finding.suppressed);
  const assess = (frameworkId, controls, controlsByKey, candidates, keysOf2) => {
    const ids = controls.map(() => []);
    const tagOf = controls.map((control) => `${frameworkId}:${control.id}`);
    for (const finding of candidates) {
      let first;
      let hit;
      for (const key of keysOf2(finding)) {
        const matched = controlsByKey.get(key);
        if (!matched) continue;
        if (!first) first = matched;
        else {
          hit ??= new Set(first);
          for (const index of matched) hit.add(index);
        }
      }
      if (!first) continue;
      let tags = byFinding.get(finding.id);
      if (!tags) byFinding.set(finding.id, tags = []);
      for (const index of hit ? [...hit].sort((a, b) => a - b) : first) {
        ids[index]?.push(finding.id);
        const tag = tagOf[index] ?? "";
        if (!tags.includes(tag)) tags.push(tag);
      }
    }
    return ids;
  };
  const indexBy = (keysOfControl, count) => {
    const index = /* @__PURE__ */ new Map();
    for (let control = 0; control < count; control++)
      for (const key of keysOfControl(control)) {
        const list = index.get(key) ?? [];
        if (!list.includes(control)) list.push(control);
        index.set(key, list);
      }
    return index;
  };
  const withCwes = /* @__PURE__ */ new Map();
  const categoryAlone = /* @__PURE__ */ new Map();
  const frameworks = [];
  const categoryKeys = /* @__PURE__ */ new Map();
  const categoryKey = (category) => {
    let key = categoryKeys.get(category);
    if (key === void 0) categoryKeys.set(category, key = `category:${category}`);
    return key;
  };
  for (const finding of counted) {
    const category = categoryKey(finding.category);
    withCwes.set(finding, [category, ...cwesOf2(finding)]);
    if (!categoryAlone.has(finding.category)) categoryAlone.set(finding.category, [category]);
  }
  for (const framework of CWE_FRAMEWORKS) {
    const controlsByKey = indexBy((control) => {
      const { id, cwes } = framework.controls[control] ?? { id: "", cwes: [] };
      const categories = Object.entries(framework.categories ?? {}).filter(([, controlId]) => controlId === id).map(([category]) => categoryKey(category));
      return [...cwes, ...categories];
    }, framework.controls.length);
    const ids = assess(
      framework.id,
      framework.controls,
      controlsByKey,
      counted,
      (finding) => (
        // A known-vulnerable dependency is a supply-chain risk, not its CWE's category, in OWASP.
        (finding.category !== "vulnerability" || !framework.categories ? withCwes.get(finding) : categoryAlone.get(finding.category)) ?? []
      )
    );
    const controls = framework.controls.map((control, index) => {
      const found = ids[index] ?? [];
      const status = found.length > 0 ? "fail" : "not-assessed";
      return { id: control.id, title: control.title, status, findings: found };
    });
    frameworks.push(frameworkResult(framework, controls));
  }
  const checksByFinding = /* @__PURE__ */ new Map();
  for (const finding of counted) {
    const checks = trivyChecksOf(finding);
    for (const special of SPECIAL_CHECKS)
      if (specialCheckMatches(special, finding)) checks.add(special);
    if (checks.size > 0) checksByFinding.set(finding, checks);
  }
  const checked = [...checksByFinding.keys()];
  for (const framework of trivy_compliance_default.frameworks) {
    const checksOf = framework.controls.map(
      (control) => control.checks.map((id) => normalizeTrivyCheckId(id) ?? id)
    );
    const ids = assess(
      framework.id,
      framework.controls,
      indexBy((control) => checksOf[control] ?? [], framework.controls.length),
      checked,
      (finding) => checksByFinding.get(finding) ?? []
    );
    let seen = false;
    const controls = framework.controls.map((control, index) => {
      const found = ids[index] ?? [];
      const passed = (checksOf[index] ?? []).filter((check) => passedChecks.has(check));
      if (found.length > 0 || passed.length > 0) seen = true;
      const status = found.length > 0 ? "fail" : passed.length > 0 ? "pass" : "not-assessed";
      return {
        id: control.id,
        title: control.title,
        status,
        findings: found,
        ...passed.length ? { passed } : {}
      };
    });
    if (!seen) continue;
    controls.sort(byControlId);
    frameworks.push(frameworkResult(framework, controls));
  }
  return { frameworks, byFinding };
}

// src/policy/index.ts
function settingsDigest(parts) {
  return createHash6("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 16);
}
async function applyPolicy(request) {
  const { policy, logger } = request;
  const suppressed = applySuppressions(request.findings, policy.suppressions ?? [], policy.now);
  for (const { suppression, findings: findings2 } of suppressed.expired)
    logger.warning(
      `suppression #${suppression.index + 1} (${suppression.reason}) expired on ${suppression.expires ?? "?"}: it no longer applies${findings2.length ? ` and ${findings2.length} finding(s) it matched count again` : ""}`
    );
  let findings = acceptAllowedLicenses(suppressed.findings, policy.licenses);
  let baseline;
  let fixed = [];
  if (policy.baseline) {
    const previous = await loadBaseline(policy.baseline);
    const completed = new Set(
      request.scanners.filter((scanner) => scanner.status === "ok" || scanner.status === "skipped").map((scanner) => scanner.name)
    );
    if (request.scanners.length === 0)
      for (const finding of findings) for (const tool of finding.tools) completed.add(tool);
    const comparison = compareWithBaseline({
      findings,
      baseline: previous,
      renames: await gitRenames(request.root, previous.git?.commit),
      completedTools: completed,
      settings: request.settings
    });
    findings = comparison.findings;
    fixed = comparison.fixed;
    baseline = comparison.info;
    if (!baseline.comparable)
      logger.warning(`baseline ${previous.file} is not comparable: ${baseline.reason ?? ""}`);
  }
  const compliance = mapCompliance(
    findings,
    await passedChecksFrom(request.outputDir, request.scanners)
  );
  findings = findings.map((finding) => {
    const keys = compliance.byFinding.get(finding.id);
    return keys ? { ...finding, compliance: keys } : finding;
  });
  const scope = policy.failOnScope ?? (baseline ? "new" : "all");
  const strip = ({ index, ...rest }) => ({ index, ...rest });
  return {
    findings,
    gate: evaluateGate(findings, policy.failOn, scope),
    baseline,
    fixed,
    suppressions: {
      active: suppressed.active.map((entry) => ({
        suppression: strip(entry.suppression),
        findings: entry.findings
      })),
      expired: suppressed.expired.map((entry) => ({
        suppression: strip(entry.suppression),
        findings: entry.findings
      })),
      unused: suppressed.unused.map((entry) => ({ suppression: strip(entry.suppression) }))
    },
    compliance: { frameworks: compliance.frameworks }
  };
}

// src/run/runner.ts
import { existsSync as existsSync12 } from "node:fs";
import { copyFile, mkdir as mkdir3, mkdtemp as mkdtemp3, rename as rename3, rm as rm4 } from "node:fs/promises";
import os5 from "node:os";
import path27 from "node:path";

// node_modules/yocto-queue/index.js
var Node = class {
  value;
  next;
  constructor(value) {
    this.value = value;
  }
};
var Queue = class {
  #head;
  #tail;
  #size;
  constructor() {
    this.clear();
  }
  enqueue(value) {
    const node = new Node(value);
    if (this.#head) {
      this.#tail.next = node;
      this.#tail = node;
    } else {
      this.#head = node;
      this.#tail = node;
    }
    this.#size++;
  }
  dequeue() {
    const current = this.#head;
    if (!current) {
      return;
    }
    this.#head = this.#head.next;
    this.#size--;
    if (!this.#head) {
      this.#tail = void 0;
    }
    return current.value;
  }
  peek() {
    if (!this.#head) {
      return;
    }
    return this.#head.value;
  }
  clear() {
    this.#head = void 0;
    this.#tail = void 0;
    this.#size = 0;
  }
  get size() {
    return this.#size;
  }
  *[Symbol.iterator]() {
    let current = this.#head;
    while (current) {
      yield current.value;
      current = current.next;
    }
  }
  *drain() {
    while (this.#head) {
      yield this.dequeue();
    }
  }
};

// node_modules/p-limit/index.js
function pLimit(concurrency) {
  let rejectOnClear = false;
  if (typeof concurrency === "object") {
    ({ concurrency, rejectOnClear = false } = concurrency);
  }
  validateConcurrency(concurrency);
  if (typeof rejectOnClear !== "boolean") {
    throw new TypeError("Expected `rejectOnClear` to be a boolean");
  }
  const queue = new Queue();
  let activeCount = 0;
  const resumeNext = () => {
    if (activeCount < concurrency && queue.size > 0) {
      activeCount++;
      queue.dequeue().run();
    }
  };
  const next = () => {
    activeCount--;
    resumeNext();
  };
  const run3 = async (function_, resolve, arguments_) => {
    const result = (async () => function_(...arguments_))();
    resolve(result);
    try {
      await result;
    } catch {
    }
    next();
  };
  const enqueue = (function_, resolve, reject, arguments_) => {
    const queueItem = { reject };
    new Promise((internalResolve) => {
      queueItem.run = internalResolve;
      queue.enqueue(queueItem);
    }).then(run3.bind(void 0, function_, resolve, arguments_));
    if (activeCount < concurrency) {
      resumeNext();
    }
  };
  const generator = (function_, ...arguments_) => new Promise((resolve, reject) => {
    enqueue(function_, resolve, reject, arguments_);
  });
  Object.defineProperties(generator, {
    activeCount: {
      get: () => activeCount
    },
    pendingCount: {
      get: () => queue.size
    },
    clearQueue: {
      value() {
        if (!rejectOnClear) {
          queue.clear();
          return;
        }
        const abortError = AbortSignal.abort().reason;
        while (queue.size > 0) {
          queue.dequeue().reject(abortError);
        }
      }
    },
    concurrency: {
      get: () => concurrency,
      set(newConcurrency) {
        validateConcurrency(newConcurrency);
        concurrency = newConcurrency;
        queueMicrotask(() => {
          while (activeCount < concurrency && queue.size > 0) {
            resumeNext();
          }
        });
      }
    },
    map: {
      async value(iterable, function_) {
        const promises = [];
        try {
          Array.from(iterable, (value, index) => {
            const promise = generator(function_, value, index);
            promises.push(promise);
            return promise;
          });
        } catch (error) {
          for (const promise of promises) {
            promise.catch(() => {
            });
          }
          throw error;
        }
        return Promise.all(promises);
      }
    }
  });
  return generator;
}
function validateConcurrency(concurrency) {
  if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
    throw new TypeError("Expected `concurrency` to be a number from 1 and up");
  }
}

// src/run/runner.ts
var VERSION_TIMEOUT_MS = 6e4;
var ScannerLog = class {
  lines = [];
  name;
  logger;
  constructor(name, logger) {
    this.name = name;
    this.logger = logger;
  }
  add(line) {
    this.lines.push(line);
    this.logger.debug(`[${this.name}] ${line}`);
  }
};
async function detectVersion(adapter, executable, cwd) {
  const exit = await runProcess({
    command: executable,
    args: adapter.versionArgs,
    cwd,
    env: adapter.env,
    timeoutMs: VERSION_TIMEOUT_MS
  });
  return exit.exitCode === 0 ? adapter.parseVersion(exit.stdout) : void 0;
}
async function attemptOnce(adapter, context, log, deadline) {
  let timedOut = false;
  let stderrTail = [];
  const exec = async (args, env) => {
    log.add(`$ ${adapter.tool} ${args.join(" ")}`);
    const exit = await runProcess({
      command: context.executable,
      args,
      cwd: context.root,
      env: { ...adapter.env, ...env },
      timeoutMs: Math.max(1, deadline - Date.now()),
      // Reports go to files; stdout is often the same report again, so only stderr is logged.
      onLine: (stream, line) => {
        if (stream === "stderr" && line.trim()) log.add(line);
      }
    });
    timedOut ||= exit.timedOut;
    if (exit.stderrTail.length > 0) stderrTail = exit.stderrTail;
    return exit;
  };
  try {
    const outcome = await adapter.scan({ ...context, exec });
    return { outcome, timedOut, stderrTail };
  } catch (error) {
    return {
      outcome: { kind: "failed", transient: false, message: errorMessage(error) },
      timedOut,
      stderrTail
    };
  }
}
async function runOne(entry, request, upstream, workRoot) {
  const { config, logger, clock } = request;
  const { adapter } = entry;
  const started = clock.now();
  const log = new ScannerLog(entry.name, logger);
  let base = {
    name: entry.name,
    attempts: 0,
    findings: 0,
    outputs: []
  };
  let asked = Promise.resolve(void 0);
  const finish = async (run3) => {
    const { report } = run3;
    const version = await asked;
    if (version !== void 0) report.version = version;
    logger.group(
      `${entry.name}: ${report.status}${report.version ? ` (${report.version})` : ""} in ${(report.durationMs / 1e3).toFixed(1)} s`,
      [...log.lines, ...report.message ? [report.message] : []]
    );
    return run3;
  };
  const tool = await request.resolveTool(adapter);
  if (!tool.ok) {
    return finish({
      report: {
        ...base,
        status: "failed",
        durationMs: clock.now() - started,
        message: tool.message
      },
      files: [],
      parsed: void 0
    });
  }
  if (tool.install) base = { ...base, install: tool.install };
  asked = tool.version !== void 0 ? Promise.resolve(tool.version) : detectVersion(adapter, tool.executable, config.root);
  const maxAttempts = config.retries + 1;
  const deadline = clock.now() + config.timeoutMs;
  let last;
  let attempt = 0;
  while (attempt < maxAttempts) {
    attempt++;
    const workDir = await mkdtemp3(path27.join(workRoot, `${entry.name}-${attempt}-`));
    last = await attemptOnce(
      adapter,
      {
        config,
        root: config.root,
        workDir,
        executable: tool.executable,
        attempt,
        lastAttempt: attempt === maxAttempts,
        upstream
      },
      log,
      deadline
    );
    const { outcome } = last;
    const durationMs = () => clock.now() - started;
    if (last.timedOut) {
      await rm4(workDir, { recursive: true, force: true });
      const message2 = `${entry.name} timed out after ${Math.round(config.timeoutMs / 1e3)} s; process tree killed`;
      return finish({
        report: {
          ...base,
          status: "timed-out",
          attempts: attempt,
          durationMs: durationMs(),
          message: message2,
          stderrTail: last.stderrTail
        },
        files: [],
        parsed: void 0
      });
    }
    if (outcome.kind === "skipped") {
      await rm4(workDir, { recursive: true, force: true });
      return finish({
        report: {
          ...base,
          status: "skipped",
          attempts: attempt,
          durationMs: durationMs(),
          message: outcome.reason
        },
        files: [],
        parsed: void 0
      });
    }
    if (outcome.kind === "ok") {
      const missing = outcome.files.filter((file) => !existsSync12(file));
      if (missing.length === 0) {
        try {
          const parsed = await adapter.parse(scanOutputs(outcome.files), config);
          const files = await keepRawOutputs(outcome.files, path27.join(workRoot, "raw"));
          await rm4(workDir, { recursive: true, force: true });
          const notes = [
            ...outcome.notes ?? [],
            ...parsed.notes ?? [],
            ...config.exclude.length > 0 && !adapter.exclude.honoured ? [`exclude not applied: ${adapter.exclude.why}`] : []
          ];
          const failure3 = outcome.partial ?? parsed.sarif.flatMap(
            ({ file, log: log2 }) => log2.runs.map((run3) => {
              const reason = runFailure(run3);
              return reason ? `${path27.basename(file)}: ${reason}` : void 0;
            })
          ).find(Boolean);
          return finish({
            report: {
              ...base,
              status: failure3 ? "failed" : "ok",
              attempts: attempt,
              durationMs: durationMs(),
              outputs: files.map((file) => `raw/${path27.basename(file)}`),
              ...failure3 ? { message: `${entry.name} did not complete: ${failure3}` } : {},
              ...notes.length > 0 ? { notes } : {}
            },
            files,
            parsed
          });
        } catch (error) {
          last = {
            ...last,
            outcome: {
              kind: "failed",
              transient: false,
              message: `${entry.name} output unreadable: ${errorMessage(error)}`
            }
          };
        }
      } else {
        last = {
          ...last,
          outcome: {
            kind: "failed",
            transient: false,
            message: `${entry.name} wrote no ${missing.map((f) => path27.basename(f)).join(", ")}`
          }
        };
      }
    }
    await rm4(workDir, { recursive: true, force: true });
    const failure2 = last.outcome;
    if (failure2.kind !== "failed" || !failure2.transient || attempt >= maxAttempts) break;
    const delay = backoffDelay(
      { baseMs: config.retryBaseMs, capMs: config.retryCapMs },
      attempt,
      clock,
      failure2.retryAfterMs
    );
    log.add(`attempt ${attempt} failed (${failure2.message}); retrying in ${delay} ms`);
    logger.warning(
      `${entry.name}: attempt ${attempt} failed with a transient error; retrying in ${delay} ms`
    );
    await clock.sleep(delay);
  }
  const failure = last?.outcome;
  const message = failure?.kind === "failed" ? failure.message : `${entry.name} failed`;
  return finish({
    report: {
      ...base,
      status: "failed",
      attempts: attempt,
      durationMs: clock.now() - started,
      message: attempt > 1 ? `${message} (after ${attempt} attempts)` : message,
      stderrTail: last?.stderrTail ?? []
    },
    files: [],
    parsed: void 0
  });
}
async function keepRawOutputs(files, rawDir) {
  await mkdir3(rawDir, { recursive: true });
  const kept = [];
  for (const file of files) {
    const target = path27.join(rawDir, path27.basename(file));
    await move(file, target);
    kept.push(target);
  }
  return kept;
}
async function move(from, to) {
  try {
    await rename3(from, to);
  } catch (error) {
    if (error.code !== "EXDEV") throw error;
    await copyFile(from, to);
    await rm4(from, { force: true });
  }
}
function promised() {
  let settle = () => void 0;
  const promise = new Promise((resolve) => {
    settle = resolve;
  });
  promise.catch(() => void 0);
  return { promise, settle };
}
function longestFirst(plan) {
  const runnable = plan.filter((entry) => entry.run);
  const own = (entry) => entry.adapter.typicalSeconds ?? 1;
  const chain = (entry) => own(entry) + runnable.filter((other) => other.dependsOn.includes(entry.name)).reduce((sum, other) => sum + own(other), 0);
  return runnable.map((entry, index) => ({ entry, index, seconds: chain(entry) })).sort((a, b) => b.seconds - a.seconds || a.index - b.index).map(({ entry }) => entry);
}
async function runScanners(request) {
  const limit = pLimit(request.config.concurrency);
  const workRoot = await mkdtemp3(path27.join(os5.tmpdir(), "scanfold-run-"));
  const running = /* @__PURE__ */ new Map();
  let done = 0;
  const total = request.plan.filter((entry) => entry.run).length;
  const progress = () => {
    const active = [...running.keys()].join(", ");
    request.logger.progress(`scanning: ${done}/${total} done (${active})`);
  };
  const order = longestFirst(request.plan);
  const outcomes = new Map(order.map((entry) => [entry.name, promised()]));
  for (const entry of order) {
    const task = (async () => {
      const upstream = /* @__PURE__ */ new Map();
      for (const dependency of entry.dependsOn) {
        const result2 = await outcomes.get(dependency)?.promise;
        if (result2?.report.status === "ok") upstream.set(dependency, result2.files);
      }
      const result = await limit(() => runOne(entry, request, upstream, workRoot));
      done++;
      progress();
      request.onFinished?.(total - done);
      return result;
    })();
    outcomes.get(entry.name)?.settle(task);
    running.set(entry.name, task);
  }
  progress();
  const results = /* @__PURE__ */ new Map();
  for (const [name, task] of running) results.set(name, await task);
  const rawDir = path27.join(request.config.outputDir, "raw");
  for (const result of results.values()) {
    if (result.files.length > 0) result.files = await keepRawOutputs(result.files, rawDir);
  }
  await rm4(workRoot, { recursive: true, force: true });
  return request.plan.map(
    (entry) => results.get(entry.name) ?? {
      report: {
        name: entry.name,
        status: "skipped",
        attempts: 0,
        durationMs: 0,
        findings: 0,
        outputs: [],
        message: entry.run ? void 0 : entry.reason
      },
      files: [],
      parsed: void 0
    }
  );
}

// src/engine.ts
var EXIT = { ok: 0, gateFailed: 1, usage: 2, scannerFailed: 3 };
async function withPdfPrinter(use) {
  const printer = pdfWanted() ? createPdfPrinter() : void 0;
  try {
    return await use(printer);
  } finally {
    await printer?.close();
  }
}
function countBy(keys, findings, pick) {
  const counts = Object.fromEntries(keys.map((key) => [key, 0]));
  for (const finding of findings) counts[pick(finding)]++;
  return counts;
}
function draftReport(parts) {
  const { request, normalized, policy, scanners, licenses, sbom } = parts;
  const { findings, gate } = policy;
  const toolCounts = /* @__PURE__ */ new Map();
  for (const finding of findings)
    for (const tool of finding.tools) toolCounts.set(tool, (toolCounts.get(tool) ?? 0) + 1);
  const byTool = Object.fromEntries(toolCounts);
  return {
    schemaVersion: "1.0.0",
    tool: { name: "scanfold", version: scanfoldVersion() },
    generatedAt: (/* @__PURE__ */ new Date()).toISOString(),
    root: request.root,
    summary: {
      total: findings.length,
      bySeverity: countBy(SEVERITIES, findings, (f) => f.severity),
      byCategory: countBy(CATEGORIES, findings, (f) => f.category),
      byTool,
      inputResults: normalized.inputResults,
      duplicatesMerged: normalized.duplicatesMerged,
      ...policy.baseline ? {
        new: findings.filter((f) => f.baseline === "new").length,
        unchanged: findings.filter((f) => f.baseline === "unchanged").length,
        fixed: policy.fixed.length
      } : {},
      suppressed: findings.filter((f) => f.suppressed).length
    },
    gate,
    ...request.git ? { git: request.git } : {},
    ...request.settings ? { settings: request.settings } : {},
    scanners,
    findings,
    ...policy.baseline ? { baseline: policy.baseline, fixed: policy.fixed } : {},
    suppressions: policy.suppressions,
    compliance: policy.compliance,
    ...request.sboms.length ? { licenses: licenses.summary } : {},
    ...sbom ? { sbom: sbom.summary } : {},
    truncated: [],
    errors: [],
    manifest: {}
  };
}
function stepTimer() {
  if (process.env.SCANFOLD_TIMINGS !== "1") return () => void 0;
  let wall = performance.now();
  let cpu = process.cpuUsage();
  return (step) => {
    const nowCpu = process.cpuUsage();
    const now = performance.now();
    const cpuMs = (nowCpu.user - cpu.user + nowCpu.system - cpu.system) / 1e3;
    process.stderr.write(
      `timing: ${step.padEnd(14)} wall ${(now - wall).toFixed(0).padStart(6)} ms  cpu ${cpuMs.toFixed(0).padStart(6)} ms
`
    );
    wall = now;
    cpu = nowCpu;
  };
}
var importOutputChecks = () => Promise.all([import("./chunks/sbom-UQCPVZOF.js"), import("./chunks/validate-K6IPL5QB.js")]);
var outputChecks;
function loadOutputChecks() {
  return outputChecks ??= importOutputChecks();
}
async function assemble(request) {
  const fail = (message) => {
    request.errors.push(message);
    request.logger.error(message);
  };
  const [{ buildSbom }, { repairSarif, validateBom, validateSarif }] = await loadOutputChecks();
  const step = stepTimer();
  const licenses = evaluateLicenses(
    request.sboms.map((input) => input.bom),
    request.policy?.licenses
  );
  const sarifInputs = [...request.sarif];
  const written = [];
  if (licenses.log) {
    const file = path28.join("raw", "policy", "licenses.sarif");
    await prepareOutputDir(request.outputDir);
    await mkdir4(path28.join(request.outputDir, "raw", "policy"), { recursive: true });
    await rm5(path28.join(request.outputDir, file), { force: true });
    await writeFile7(path28.join(request.outputDir, file), JSON.stringify(licenses.log, null, 2), {
      flag: "wx"
    });
    written.push("raw/policy/licenses.sarif");
    sarifInputs.push({
      file: "raw/policy/licenses.sarif",
      log: licenses.log,
      tool: LICENSE_POLICY_TOOL
    });
  }
  sarifInputs.sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  const normalized = normalize(sarifInputs, request.root);
  step("normalize");
  const fromSource = await secretsFromSource(request.root, normalized.findings);
  const inBoms = /* @__PURE__ */ new Set();
  for (const input of request.sboms) credentialsIn(input.bom, inBoms);
  const secretTokens2 = [
    .../* @__PURE__ */ new Set([...normalized.secretTokens, ...fromSource.tokens, ...inBoms])
  ].sort();
  scrubCutTitles(normalized.findings, secretTokens2);
  step("secrets");
  const scanners = request.scanners.map((scanner) => ({
    ...scanner,
    findings: Object.hasOwn(normalized.resultsByTool, scanner.name) ? normalized.resultsByTool[scanner.name] ?? 0 : 0
  }));
  const policy = await applyPolicy({
    findings: normalized.findings,
    scanners: request.scanners,
    root: request.root,
    outputDir: request.outputDir,
    settings: request.settings,
    policy: {
      ...request.policy,
      failOn: request.failOn,
      now: (request.clock ?? systemClock).now()
    },
    logger: request.logger
  });
  const { findings, gate } = policy;
  step("policy");
  let sbom;
  if (request.sboms.length > 0 || findings.some((finding) => finding.category === "vulnerability")) {
    try {
      sbom = buildSbom(request.sboms, findings);
      for (const { message } of sbom.rejected) fail(`SBOM input left out: ${message}`);
      for (const { message } of sbom.dropped)
        request.logger.warning(`SBOM input partly left out: ${message}`);
      const parsed = JSON.parse(sbom.json);
      const written2 = scrubValue(parsed, secretTokens2);
      if (written2 !== parsed) sbom = { ...sbom, json: `${JSON.stringify(written2, null, 2)}
` };
      const invalid = validateBom(written2);
      if (invalid.length > 0) {
        fail(
          `${OUTPUT_FILES.sbom}: not valid CycloneDX 1.6 (${invalid.length} problem(s); first: ${invalid[0]}); not written`
        );
        sbom = void 0;
      }
    } catch (error) {
      fail(`SBOM merge failed: ${errorMessage(error)}`);
    }
  }
  step("sbom");
  const amend = (tool, change) => {
    const index = scanners.findIndex((scanner2) => scanner2.name === tool);
    const scanner = scanners[index];
    if (scanner) scanners[index] = change(scanner);
  };
  for (const { tool, message } of sbom?.rejected ?? [])
    amend(tool, (scanner) => ({
      ...scanner,
      status: "failed",
      message: [scanner.message, `SBOM left out: ${message}`].filter(Boolean).join("; ")
    }));
  for (const { tool, message } of sbom?.dropped ?? [])
    amend(tool, (scanner) => ({
      ...scanner,
      notes: [...scanner.notes ?? [], `SBOM input partly left out: ${message}`]
    }));
  const draft = scrubReport(
    draftReport({ request, normalized, policy, scanners, licenses, sbom }),
    secretTokens2
  );
  const printPage = pdfWanted() ? openPrintPage(draft, request.printer) : void 0;
  try {
    const merged = buildSarif({ inputs: sarifInputs, findings, root: request.root, secretTokens: secretTokens2 });
    step("buildSarif");
    const repaired = repairSarif(merged);
    if (repaired.dropped.length > 0)
      request.logger.warning(
        `${OUTPUT_FILES.sarif}: ${repaired.dropped.length} field(s) from the inputs broke SARIF 2.1.0 and were left out (first: ${repaired.dropped[0]})`
      );
    const invalidSarif = repaired.valid ? [] : validateSarif(merged);
    if (invalidSarif.length > 0)
      fail(
        `${OUTPUT_FILES.sarif}: not valid SARIF 2.1.0 (${invalidSarif.length} problem(s); first: ${invalidSarif[0]})`
      );
    step("validateSarif");
    const sarifWritten = await writeSarifOutput(request.outputDir, merged);
    step("write sarif");
    const { truncated } = fitToLimits(merged, void 0, sarifWritten.runs);
    for (const t of truncated) {
      request.logger.warning(
        `${t.tool}: ${t.omitted} result(s) exceed GitHub's limits and would be left out of a code-scanning upload (${t.reason}); scanfold.sarif keeps them all`
      );
    }
    step("fitToLimits");
    const report = await writeOutputs({
      outputDir: request.outputDir,
      report: finishReport(draft, { truncated, errors: request.errors }, secretTokens2),
      sarif: sarifWritten,
      sbomJson: sbom?.json,
      rawFiles: [...scanners.flatMap((scanner) => scanner.outputs), ...written],
      secretTokens: secretTokens2,
      note: (message) => request.logger.info(message),
      ...printPage ? { printPage } : {},
      step
    });
    const scannerFailed = scanners.some((s) => s.status === "failed" || s.status === "timed-out") || request.errors.length > 0;
    const exitCode = gate.result === "failed" ? EXIT.gateFailed : scannerFailed ? EXIT.scannerFailed : EXIT.ok;
    const out = (name) => path28.join(request.outputDir, name);
    return {
      report,
      sarif: merged,
      exitCode,
      outputDir: request.outputDir,
      files: {
        sarif: out(OUTPUT_FILES.sarif),
        sbom: sbom ? out(OUTPUT_FILES.sbom) : void 0,
        report: out(OUTPUT_FILES.report),
        markdown: out(OUTPUT_FILES.markdown),
        html: out(OUTPUT_FILES.html)
      }
    };
  } finally {
    await printPage?.discard();
  }
}
function toolResolver(config, options) {
  const manifest = options.manifest ?? loadManifest();
  return async (adapter) => {
    const spec = manifest.tools[adapter.tool];
    if (!spec) return { ok: false, message: `${adapter.tool}: missing from the tool manifest` };
    try {
      const tool = await ensureTool(adapter.tool, spec, {
        toolCache: config.toolCache,
        logger: options.logger,
        clock: options.clock,
        allowInstall: options.install ?? true,
        ignorePath: options.ignorePath ?? false
      });
      options.logger.debug(
        `${adapter.tool}: using ${tool.executable} (${tool.source})`
      );
      const install = {
        source: tool.source,
        ...tool.provenance ? { verifiedBy: tool.provenance.verifiedBy, sha256: tool.provenance.sha256 } : {}
      };
      return tool.source === "path" ? { ok: true, executable: tool.executable, install } : { ok: true, executable: tool.executable, version: tool.pinnedVersion, install };
    } catch (error) {
      return { ok: false, message: errorMessage(error) };
    }
  };
}
function scan2(config, options) {
  return withPdfPrinter((printer) => scanWith(config, options, printer));
}
async function scanWith(config, options, printer) {
  const { logger, clock } = options;
  await prepareOutputDir(config.outputDir);
  await clearOwnOutputs(config.outputDir, ["raw"]);
  const plan = await planScan(config);
  for (const entry of plan) if (!entry.run) logger.info(`${entry.name}: skipped (${entry.reason})`);
  const resolve = toolResolver(config, options);
  const installs = new Map(
    plan.filter((entry) => entry.run).map((entry) => [entry.adapter.tool, resolve(entry.adapter)])
  );
  let warmed = false;
  const warm = (running) => {
    if (warmed || running >= os6.availableParallelism()) return;
    warmed = true;
    printer?.warm();
  };
  warm(plan.filter((entry) => entry.run).length);
  let headCommit;
  const askHeadCommit = () => headCommit ??= gitCommit(config.root);
  const runs = await runScanners({
    onFinished: (running) => {
      askHeadCommit().catch(() => void 0);
      loadOutputChecks().catch(() => void 0);
      warm(running);
    },
    config,
    plan,
    resolveTool: (adapter) => installs.get(adapter.tool) ?? resolve(adapter),
    logger,
    clock
  });
  const sarif = [];
  const sboms = [];
  for (const run3 of runs) {
    for (const { file, log } of run3.parsed?.sarif ?? [])
      sarif.push({ file: `raw/${file}`, log, tool: run3.report.name });
    for (const { file, bom } of run3.parsed?.sboms ?? [])
      sboms.push({ tool: run3.report.name, toolVersion: run3.report.version, file, bom });
  }
  return assemble({
    root: config.root,
    outputDir: config.outputDir,
    failOn: config.failOn,
    scanners: runs.map((run3) => run3.report),
    sarif,
    sboms,
    errors: [],
    logger,
    clock,
    ...printer ? { printer } : {},
    policy: {
      failOnScope: config.failOnScope,
      baseline: config.baseline,
      suppressions: config.suppressions,
      licenses: config.licenses
    },
    settings: {
      scanners: runs.filter((run3) => run3.report.status !== "skipped").map((run3) => run3.report.name),
      digest: settingsDigest({
        scanners: config.scanners,
        trivy: config.trivy.scanners,
        semgrep: config.semgrep.config.map((entry) => path28.basename(entry)),
        exclude: config.exclude
      })
    },
    git: await askHeadCommit().then(
      (commit) => commit || options.provenance ? { ...options.provenance, ...commit ? { commit } : {} } : void 0
    )
  });
}

// src/import/import.ts
import { constants } from "node:fs";
import { open, stat as stat3 } from "node:fs/promises";
import path29 from "node:path";

// src/import/cyclonedx-vulnerabilities.ts
var text = (value) => typeof value === "string" && value !== "" ? value : void 0;
function componentsByRef(components, into = /* @__PURE__ */ new Map()) {
  if (!Array.isArray(components)) return into;
  for (const component of components) {
    if (typeof component !== "object" || component === null) continue;
    const ref = text(component["bom-ref"]);
    if (ref !== void 0 && !into.has(ref)) into.set(ref, component);
    componentsByRef(component.components, into);
  }
  return into;
}
function packageOf2(component, fixedVersion) {
  const name = text(component.name);
  if (name === void 0) return void 0;
  const group = text(component.group);
  const purl = text(component.purl);
  const ecosystem = purl ? /^pkg:([^/]+)\//.exec(purl)?.[1] : void 0;
  const version = text(component.version);
  return {
    name: group ? `${group}${ecosystem === "maven" ? ":" : "/"}${name}` : name,
    ...version ? { version } : {},
    ...fixedVersion ? { fixedVersion } : {},
    ...purl ? { purl } : {},
    ...ecosystem ? { ecosystem } : {}
  };
}
function fixedVersionOf(vulnerability, affect) {
  const unaffected = affect?.versions?.find(
    (entry) => entry.status === "unaffected" && entry.version
  );
  if (unaffected?.version) return unaffected.version;
  return /\bto\s+(?:version\s+)?(v?\d[\w.+:~-]*)/i.exec(vulnerability.recommendation ?? "")?.[1]?.replace(/[.,;:]+$/, "");
}
function ratingOf(vulnerability) {
  let severity;
  let cvss;
  for (const rating of vulnerability.ratings ?? []) {
    const score = rating.score !== void 0 && Number.isFinite(rating.score) ? rating.score : void 0;
    const rated = severityFromWord(rating.severity) ?? (score !== void 0 ? severityFromScore(score) : void 0);
    if (rated && (!severity || severityRank[rated] > severityRank[severity])) severity = rated;
    if (score !== void 0 && /^CVSS/i.test(rating.method ?? "CVSS") && (cvss ?? -1) < score)
      cvss = score;
  }
  return { severity, cvss };
}
function cycloneDxVulnerabilitiesToSarif(bom, vulnerabilities, tool, toolVersion) {
  if (vulnerabilities.length === 0) return { log: void 0, unresolved: 0 };
  const components = componentsByRef(bom.components);
  const rules = /* @__PURE__ */ new Map();
  const results = [];
  let unresolved = 0;
  for (const vulnerability of vulnerabilities) {
    const { id } = vulnerability;
    const { severity, cvss } = ratingOf(vulnerability);
    const url = text(vulnerability.source?.url);
    rule(rules, id, () => ({
      id,
      shortDescription: {
        text: vulnerability.description?.split("\n")[0] || `${id} vulnerability`
      },
      ...url && /^https?:\/\//.test(url) ? { helpUri: url } : {},
      properties: { tags: ["security", "vulnerability"] }
    }));
    const aliases = [
      .../* @__PURE__ */ new Set([id, ...(vulnerability.references ?? []).map((reference) => reference.id)])
    ];
    const cwe = [...new Set((vulnerability.cwes ?? []).map((number) => `CWE-${number}`))];
    const affects = vulnerability.affects?.length ? vulnerability.affects : [void 0];
    for (const affect of affects) {
      const component = affect ? components.get(affect.ref) : void 0;
      if (affect && !component) unresolved++;
      const pkg = component ? packageOf2(component, fixedVersionOf(vulnerability, affect)) : void 0;
      const where = text(component?.evidence?.occurrences?.[0]?.location) ?? ".";
      results.push({
        ruleId: id,
        message: {
          text: pkg ? `${id} in ${pkg.name}${pkg.version ? ` ${pkg.version}` : ""}` : `${id} (the affected component is not in the SBOM)`
        },
        locations: location(where),
        properties: writeScanfoldProperties(
          severity ? { "security-severity": SCORE_FOR[severity] } : void 0,
          {
            aliases,
            ...pkg ? { package: pkg } : {},
            ...cwe.length > 0 ? { cwe } : {},
            ...cvss !== void 0 ? { cvss } : {}
          }
        )
      });
    }
  }
  return { log: sarifLog(tool, toolVersion, rules, results), unresolved };
}

// src/import/import.ts
function ownerOf(log, adapters) {
  let owner;
  for (const run3 of log.runs) {
    const category = run3.automationDetails?.id;
    if (typeof category === "string" && category.startsWith("scanfold/")) return void 0;
    const driver = run3.tool.driver.name;
    const adapter = adapters.find((candidate) => candidate.ownsDriver(driver));
    if (!adapter || owner && owner !== adapter) return void 0;
    owner = adapter;
  }
  return owner;
}
function recognise(file, text3, adapters) {
  let data;
  try {
    data = parseJsonText(file, text3);
  } catch (error) {
    for (const owner of adapters) {
      const streamed = owner.nativeJson?.fromText?.(text3);
      const sarif = streamed === void 0 ? void 0 : owner.nativeJson?.toSarif(streamed);
      if (sarif) return { kind: "native", data: streamed, owner, sarif };
    }
    throw error;
  }
  const record = typeof data === "object" && data !== null ? data : {};
  if (record.version === "2.1.0" || Array.isArray(record.runs)) {
    const sarif = checkSarifLog(data);
    if (!sarif.success) {
      throw new OutputError(`${file}: invalid SARIF 2.1.0 at ${firstIssue(sarif.error)}`);
    }
    const log = sarif.data;
    return { kind: "sarif", log, owner: ownerOf(log, adapters) };
  }
  if (record.bomFormat === "CycloneDX") {
    const bom = checkCycloneDx(data);
    if (!bom.success)
      throw new OutputError(`${file}: invalid CycloneDX at ${firstIssue(bom.error)}`);
    const checked = checkBomInput(record);
    if (!checked.success) throw new OutputError(`${file}: ${checked.reason}`);
    const { name, version } = checked.tool;
    return {
      kind: "sbom",
      input: { tool: name ?? "cyclonedx", toolVersion: version, file, bom: record },
      vulnerabilities: bom.data.vulnerabilities ?? []
    };
  }
  if (Array.isArray(data) && data.length === 0)
    throw new OutputError(
      `${file}: an empty JSON array names no tool (Gitleaks writes [] when it finds nothing); import the tool's SARIF instead, which says which tool ran`
    );
  for (const owner of adapters) {
    const sarif = owner.nativeJson?.toSarif(data);
    if (sarif) return { kind: "native", data, owner, sarif };
  }
  for (const { nativeJson } of adapters) {
    if (!nativeJson) continue;
    const why = nativeJson.explain?.(data);
    if (why !== void 0) throw new OutputError(`${file}: invalid ${nativeJson.label} at ${why}`);
  }
  const labels = adapters.flatMap(
    (adapter) => adapter.nativeJson ? [adapter.nativeJson.label] : []
  );
  throw new OutputError(
    `${file}: unknown format (expected SARIF 2.1.0, CycloneDX JSON, or ${labels.join(", ")})`
  );
}
function rawOutput(name, recognised) {
  return recognised.kind === "sarif" ? { kind: "sarif", name, read: () => Promise.resolve(recognised.log) } : {
    kind: "native",
    name,
    read: () => Promise.resolve(recognised.data),
    sarif: recognised.sarif
  };
}
async function parseOwned(adapter, outputs, context) {
  try {
    return { parsed: [await adapter.parse(outputs, context)], errors: [] };
  } catch (error) {
    if (outputs.length === 1) {
      const name = outputs[0]?.name ?? adapter.name;
      const message = oneLine(error);
      return {
        parsed: [],
        errors: [message.startsWith(`${name}: `) ? message : `${name}: ${message}`]
      };
    }
  }
  const parsed = [];
  const errors = [];
  for (const output of outputs) {
    const alone = await parseOwned(adapter, [output], context);
    parsed.push(...alone.parsed);
    errors.push(...alone.errors);
  }
  return { parsed, errors };
}
function oneLine(error) {
  if (error instanceof external_exports.ZodError) return `not in the tool's format (${firstIssue(error)})`;
  return (errorMessage(error).split("\n")[0] ?? "").slice(0, 500);
}
var MAX_INPUT_BYTES = 256 * 1024 * 1024;
async function readInput(file) {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    return await readOpened(file, handle);
  } finally {
    await handle.close();
  }
}
async function readOpened(file, handle) {
  const stats = await handle.stat();
  if (!stats.isFile()) {
    const kind = stats.isDirectory() ? "a directory" : stats.isFIFO() ? "a FIFO" : stats.isSocket() ? "a socket" : "not a regular file";
    throw new OutputError(`${file}: ${kind}; give a file`);
  }
  if (stats.size > MAX_INPUT_BYTES)
    throw new OutputError(
      `${file}: ${stats.size} bytes is over the ${MAX_INPUT_BYTES / 1024 / 1024} MiB input limit`
    );
  return jsonFileText(file, await handle.readFile());
}
var ImportedRuns = class {
  tools = /* @__PURE__ */ new Map();
  add(tool, version, file, failure) {
    let entry = this.tools.get(tool);
    if (!entry) {
      entry = { versions: /* @__PURE__ */ new Set(), files: /* @__PURE__ */ new Set(), failures: [] };
      this.tools.set(tool, entry);
    }
    if (version) entry.versions.add(truncate(safeLogLine(version), 64));
    entry.files.add(file);
    if (failure) entry.failures.push(failure);
  }
  reports() {
    return [...this.tools].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([name, { versions, files, failures }]) => ({
      name,
      status: failures.length > 0 ? "failed" : "ok",
      ...versions.size > 0 ? { version: [...versions].sort().join(", ") } : {},
      attempts: 0,
      durationMs: 0,
      findings: 0,
      outputs: [],
      ...failures.length > 0 ? { message: [...failures].sort().join("; ") } : {},
      notes: [`imported from ${[...files].sort().join(", ")}`]
    }));
  }
};
function importFiles(request) {
  return withPdfPrinter((printer) => {
    printer?.warm();
    return importWith(request, printer);
  });
}
async function importWith(request, printer) {
  const step = stepTimer();
  const sarif = [];
  const sboms = [];
  const errors = [];
  const imported = new ImportedRuns();
  const seen = /* @__PURE__ */ new Map();
  const fromBoms = [];
  const owned = /* @__PURE__ */ new Map();
  const fail = (message) => {
    errors.push(message);
    request.logger.error(message);
  };
  for (const file of request.files) {
    const real = await stat3(file).then(
      (found) => `${found.dev}:${found.ino}`,
      () => path29.resolve(file)
    );
    const first = seen.get(real);
    if (first !== void 0) {
      request.logger.warning(`${file}: the same file as ${first}, given again; read once`);
      continue;
    }
    seen.set(real, file);
    try {
      const text3 = await readInput(file);
      if (text3.includes("\uFFFD"))
        request.logger.warning(
          `${file}: some bytes are not UTF-8 (Latin-1?); each was read as U+FFFD`
        );
      const recognised = recognise(file, text3, ADAPTERS);
      if (recognised.kind === "sbom") {
        const { input, vulnerabilities } = recognised;
        const tool = TOOL_KNOWLEDGE.toolOf(input.tool);
        imported.add(tool, input.toolVersion, file);
        sboms.push(input);
        const { log, unresolved } = cycloneDxVulnerabilitiesToSarif(
          input.bom,
          vulnerabilities,
          input.tool,
          input.toolVersion
        );
        if (log) fromBoms.push({ file, log, tool, unresolved });
      } else if (recognised.kind === "sarif" && !recognised.owner)
        sarif.push({ file, log: recognised.log });
      else if (recognised.owner) {
        const outputs = owned.get(recognised.owner) ?? [];
        outputs.push(rawOutput(file, recognised));
        owned.set(recognised.owner, outputs);
        imported.add(recognised.owner.name, void 0, file);
      }
    } catch (error) {
      fail(
        error instanceof OutputError ? error.message : error.code === "ENOENT" ? `${file}: not found` : `${file}: ${errorMessage(error).replace(/, (open|read) '.*'$/, "")}`
      );
    }
  }
  const context = {
    root: path29.resolve(request.root),
    exclude: request.exclude ?? [],
    images: []
  };
  for (const adapter of ADAPTERS) {
    const outputs = owned.get(adapter);
    if (!outputs) continue;
    const { parsed, errors: unreadable } = await parseOwned(adapter, outputs, context);
    for (const message of unreadable) fail(message);
    for (const one of parsed) {
      for (const { file, log } of one.sarif) sarif.push({ file, log, tool: adapter.name });
      for (const { file, bom } of one.sboms) sboms.push({ tool: adapter.name, file, bom });
      for (const note of one.notes ?? []) request.logger.info(`${adapter.name}: ${note}`);
    }
  }
  owned.clear();
  const reported = new Set(
    sarif.flatMap(
      (input) => input.log.runs.map((run3) => input.tool ?? toolNameOf(run3, TOOL_KNOWLEDGE))
    )
  );
  for (const { unresolved, ...input } of fromBoms) {
    const count = input.log.runs[0]?.results?.length ?? 0;
    if (reported.has(input.tool)) {
      request.logger.info(
        `${input.file}: its ${count} vulnerability result(s) are left to ${input.tool}'s SARIF or JSON report, also given`
      );
      continue;
    }
    sarif.push(input);
    if (unresolved > 0)
      request.logger.warning(
        `${input.file}: ${unresolved} vulnerability ${unresolved === 1 ? "entry affects a bom-ref" : "entries affect bom-refs"} not in the file; imported without a package`
      );
  }
  for (const input of sarif) {
    input.log.runs.forEach((run3, index) => {
      const tool = input.tool ?? toolNameOf(run3, TOOL_KNOWLEDGE);
      const driver = run3.tool.driver;
      const reason = runFailure(run3);
      const message = reason ? `${input.file}: run ${index} (${tool}) did not complete: ${reason}` : void 0;
      imported.add(tool, driver.version ?? driver.semanticVersion, input.file, message);
      if (message) fail(message);
    });
  }
  step("import");
  return assemble({
    root: path29.resolve(request.root),
    outputDir: path29.resolve(request.outputDir),
    failOn: request.failOn,
    scanners: imported.reports(),
    sarif,
    sboms,
    errors,
    logger: request.logger,
    ...request.policy ? { policy: request.policy } : {},
    ...request.clock ? { clock: request.clock } : {},
    ...printer ? { printer } : {}
  });
}

// src/cli/console-logger.ts
function consoleLogger(options) {
  const stream = options.stream ?? process.stderr;
  const tty = Boolean(stream.isTTY);
  let progressShown = false;
  const write = (line) => {
    if (progressShown) {
      stream.write("\r\x1B[2K");
      progressShown = false;
    }
    stream.write(safeLogLine(line) + "\n");
  };
  return {
    debug: (message) => {
      if (options.verbose) write(message);
    },
    info: (message) => write(message),
    warning: (message) => write(`warning: ${message}`),
    error: (message) => write(`error: ${message}`),
    group: (title, lines) => {
      write(`\u2500\u2500 ${title}`);
      if (options.verbose) return;
      const name = title.split(":")[0] ?? "";
      for (const line of lines.slice(-12)) write(`[${name}] ${line}`);
    },
    progress: (line) => {
      if (!tty) return;
      stream.write(`\r\x1B[2K${safeLogLine(line)}`);
      progressShown = true;
    }
  };
}

// src/cli/summary.ts
var MAX_ERRORS_PRINTED = 20;
function text2(value, max = 500) {
  return truncate(safeLogLine(value), max).toWellFormed();
}
function summaryTable(report) {
  const rows = [["scanner", "status", "version", "time", "results"]];
  for (const s of report.scanners)
    rows.push([
      text2(s.name, 40),
      s.status,
      text2(s.version ?? "-", 64),
      `${(s.durationMs / 1e3).toFixed(1)}s`,
      String(s.findings)
    ]);
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  const format = (row) => safeLogLine(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  "));
  const severities = SEVERITIES.map(
    (severity) => `${severity} ${report.summary.bySeverity[severity]}`
  ).join(", ");
  const problems = report.scanners.filter((s) => s.status === "failed" || s.status === "timed-out" || s.status === "skipped").map((s) => `  ${text2(s.name, 40)} ${s.status}: ${text2(s.message ?? "")}`);
  const failed = report.scanners.filter(
    (s) => s.status === "failed" || s.status === "timed-out"
  ).length;
  const errors = report.errors.slice(0, MAX_ERRORS_PRINTED).map((error) => `  ${text2(error)}`);
  if (report.errors.length > errors.length)
    errors.push(`  \u2026and ${report.errors.length - errors.length} more in report.json`);
  const incomplete = [
    ...report.errors.length ? [`${report.errors.length} error(s)`] : [],
    ...failed ? [`${failed} scanner(s) failed`] : []
  ].join(", ");
  return [
    format(rows[0] ?? []),
    ...rows.slice(1).map(format),
    "",
    `findings: ${report.summary.total} (${severities}); ${report.summary.duplicatesMerged} duplicates merged from ${report.summary.inputResults} results`,
    ...problems.length ? ["", ...problems] : [],
    ...errors.length ? ["", `errors (${report.errors.length}):`, ...errors] : [],
    ...incomplete ? ["", `INCOMPLETE: ${incomplete}; this is not a clean result`] : [],
    `gate (fail-on ${report.gate.failOn}): ${report.gate.result} \u2014 ${text2(report.gate.reason)}`
  ].join("\n");
}

// src/cli/main.ts
var HELP = {
  main: `scanfold \u2014 run security scanners in parallel and merge their results

Usage:
  scanfold scan [path] [options]      scan a directory
  scanfold install [--scanners ...]   install the pinned scanners into the tool cache
  scanfold merge FILE... --out DIR    merge existing SARIF / CycloneDX / native scanner outputs
  scanfold <command> --help           help for one command

Exit codes: 0 complete and gate passed, 1 gate failed, 2 usage or configuration error,
3 one or more scanners failed or timed out (the others' results are still written).`,
  scan: `Usage: scanfold scan [path] [options]

Options:
  --scanners LIST        comma-separated (default: all):
${ADAPTERS.map((adapter) => `                           ${adapter.name.padEnd(Math.max(...ADAPTERS.map((a) => a.name.length)))} ${adapter.description}`).join("\n")}
  --out DIR              output directory (default: scanfold-results, relative to path)
  --config FILE          config file (default: .scanfold.yml in path, if present)
  --fail-on LEVEL        ${FAIL_ON.join("|")} (default: high)
  --baseline FILE        a previous report.json: findings are marked new or unchanged, gone ones
                         are listed as fixed
  --fail-on-scope SCOPE  new|all: which findings the gate counts (default: new with a baseline)
  --retries N            retries for transient failures (default: 2)
  --timeout-minutes N    per-scanner timeout (default: 15)
  --concurrency N        scanners run at once (default: CPU count)
  --offline              never download vulnerability DBs; use cached ones or skip vuln scanning
  --trivy-cache-dir DIR  Trivy cache (DB in DIR/db)
  --grype-db-dir DIR     Grype DB cache
  --osv-db-dir DIR       local OSV data for OSV-Scanner (DIR/osv-scalibr) and govulncheck (DIR/govulndb)
  --image REF            also scan a container image (repeatable): docker-archive:PATH,
                         oci-dir:PATH, docker:NAME, registry:REF, or a plain reference
  --no-install           fail a scanner that is not installed instead of installing it
  --verbose              print every scanner output line
  -h, --help             this help`,
  install: `Usage: scanfold install [--scanners LIST] [--tool-cache DIR]

Installs the pinned scanner versions from tools.json into the per-user tool cache
(${defaultToolCache()}): release download verified by SHA-256, else the PyPI / Go module
registry. Reuses verified installs.`,
  merge: `Usage: scanfold merge FILE... --out DIR [--fail-on LEVEL] [--config FILE]
                      [--baseline FILE] [--fail-on-scope new|all]

Imports SARIF 2.1.0 from any tool, CycloneDX JSON, and the native JSON of
${ADAPTERS.flatMap((adapter) => adapter.nativeJson ? [adapter.title] : []).join(", ")};
writes the same outputs as scan.`
};
function parseList(value) {
  return value ? value.split(",").map((item) => item.trim()).filter(Boolean) : void 0;
}
function parseNumber(flag, value) {
  if (value === void 0) return void 0;
  const number = Number(value);
  if (!Number.isFinite(number))
    throw new ConfigurationError(`--${flag}: "${value}" is not a number`);
  return number;
}
async function scanCommand(args) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      scanners: { type: "string" },
      out: { type: "string" },
      config: { type: "string" },
      "fail-on": { type: "string" },
      baseline: { type: "string" },
      "fail-on-scope": { type: "string" },
      retries: { type: "string" },
      "timeout-minutes": { type: "string" },
      concurrency: { type: "string" },
      offline: { type: "boolean" },
      "trivy-cache-dir": { type: "string" },
      "grype-db-dir": { type: "string" },
      image: { type: "string", multiple: true },
      "osv-db-dir": { type: "string" },
      "no-install": { type: "boolean" },
      verbose: { type: "boolean" },
      help: { type: "boolean", short: "h" }
    }
  });
  if (values.help) {
    console.log(HELP.scan);
    return EXIT.ok;
  }
  if (positionals.length > 1)
    throw new ConfigurationError(`scan takes one path, got ${positionals.length}`);
  const overrides = {
    scanners: parseList(values.scanners),
    outputDir: values.out === void 0 ? void 0 : path30.resolve(values.out),
    failOn: values["fail-on"],
    baseline: values.baseline === void 0 ? void 0 : path30.resolve(values.baseline),
    failOnScope: values["fail-on-scope"],
    retries: parseNumber("retries", values.retries),
    timeoutMinutes: parseNumber("timeout-minutes", values["timeout-minutes"]),
    concurrency: parseNumber("concurrency", values.concurrency),
    offline: values.offline,
    trivy: values["trivy-cache-dir"] ? { cacheDir: values["trivy-cache-dir"] } : void 0,
    grype: values["grype-db-dir"] ? { dbCacheDir: values["grype-db-dir"] } : void 0,
    images: values.image,
    osv: values["osv-db-dir"] ? { dbDir: values["osv-db-dir"] } : void 0
  };
  const config = resolveConfig({
    root: positionals[0] ?? ".",
    configFile: values.config,
    overrides,
    retryBaseMs: parseNumber("retry-base-ms", process.env.SCANFOLD_RETRY_BASE_MS)
  });
  const logger = consoleLogger({ verbose: values.verbose ?? false });
  logger.info(`scanfold: scanning ${config.root} with ${config.scanners.join(", ")}`);
  const outcome = await scan2(config, {
    logger,
    clock: systemClock,
    install: !values["no-install"]
  });
  console.log(summaryTable(outcome.report));
  console.log(`
outputs: ${safeLogLine(outcome.outputDir)}`);
  return outcome.exitCode;
}
async function installCommand(args) {
  const { values } = parseArgs({
    args,
    options: {
      scanners: { type: "string" },
      "tool-cache": { type: "string" },
      help: { type: "boolean", short: "h" }
    }
  });
  if (values.help) {
    console.log(HELP.install);
    return EXIT.ok;
  }
  const names = parseList(values.scanners) ?? [...SCANNER_NAMES];
  const unknown = names.filter((name) => !adapterNamed(name));
  if (unknown.length)
    throw new ConfigurationError(
      `--scanners: unknown scanner(s) ${unknown.join(", ")}; known: ${SCANNER_NAMES.join(", ")}`
    );
  const manifest = loadManifest();
  const logger = consoleLogger({ verbose: false });
  let failed = 0;
  const tools = [...new Set(names.map((name) => adapterNamed(name)?.tool ?? name))];
  const install = async (tool) => {
    const spec = manifest.tools[tool];
    if (!spec) throw new ConfigurationError(`${tool}: missing from tools.json`);
    const started = Date.now();
    try {
      const installed = await ensureTool(tool, spec, {
        toolCache: values["tool-cache"] ?? defaultToolCache(),
        logger,
        clock: systemClock,
        allowInstall: true,
        ignorePath: true
      });
      console.log(
        `${tool} ${spec.version}: ${installed.source} ${installed.executable} (${((Date.now() - started) / 1e3).toFixed(1)} s)`
      );
    } catch (error) {
      failed++;
      console.error(`error: ${safeLogLine(errorMessage(error))}`);
    }
  };
  for (const tool of tools)
    if (!manifest.tools[tool]) throw new ConfigurationError(`${tool}: missing from tools.json`);
  await Promise.all(tools.map(install));
  return failed ? EXIT.scannerFailed : EXIT.ok;
}
async function mergeCommand(args) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      "fail-on": { type: "string" },
      root: { type: "string" },
      config: { type: "string" },
      baseline: { type: "string" },
      "fail-on-scope": { type: "string" },
      help: { type: "boolean", short: "h" }
    }
  });
  if (values.help) {
    console.log(HELP.merge);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new ConfigurationError("merge: give at least one input file");
  if (!values.out) throw new ConfigurationError("merge: --out DIR is required");
  const config = resolveConfig({
    root: values.root ?? process.cwd(),
    configFile: values.config === void 0 ? void 0 : path30.resolve(values.config),
    overrides: {
      failOn: values["fail-on"],
      baseline: values.baseline === void 0 ? void 0 : path30.resolve(values.baseline),
      failOnScope: values["fail-on-scope"]
    }
  });
  const logger = consoleLogger({ verbose: false });
  await prepareOutputDir(path30.resolve(values.out));
  const outcome = await importFiles({
    files: positionals,
    outputDir: values.out,
    root: values.root ?? process.cwd(),
    failOn: config.failOn,
    exclude: config.exclude,
    logger,
    policy: {
      failOnScope: config.failOnScope,
      baseline: config.baseline,
      suppressions: config.suppressions,
      licenses: config.licenses
    }
  });
  console.log(summaryTable(outcome.report));
  return outcome.exitCode;
}
async function main(argv) {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "scan":
        return await scanCommand(rest);
      case "install":
        return await installCommand(rest);
      case "merge":
        return await mergeCommand(rest);
      case void 0:
      case "-h":
      case "--help":
      case "help":
        console.log(HELP.main);
        return command === void 0 ? EXIT.usage : EXIT.ok;
      default:
        console.error(`error: unknown command "${safeLogLine(command)}"

${HELP.main}`);
        return EXIT.usage;
    }
  } catch (error) {
    const usage = error instanceof ConfigurationError || error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS");
    console.error(`error: ${safeLogLine(errorMessage(error))}`);
    return usage ? EXIT.usage : EXIT.scannerFailed;
  }
}

// src/cli/index.ts
process.exitCode = await main(process.argv.slice(2));
